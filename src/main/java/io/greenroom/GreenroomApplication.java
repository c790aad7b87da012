package io.greenroom;

import io.greenroom.admission.EarlyAdmission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Greenroom: the control plane in front of OvenMediaEngine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GreenroomApplication {

	public static void main(String[] args) {
		// OME's admission webhook is answered from the last run's snapshot while the rest
		// starts.
		EarlyAdmission.Starter.beforeSpring(args);
		SpringApplication.run(GreenroomApplication.class, args);
	}

}
