package io.greenroom;

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
		SpringApplication.run(GreenroomApplication.class, args);
	}

}
