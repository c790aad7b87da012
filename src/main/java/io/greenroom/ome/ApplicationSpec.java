package io.greenroom.ome;

import io.greenroom.stream.App;
import io.greenroom.stream.AppSettings;

/**
 * What the generator needs of one app.
 *
 * @param name the OME application name
 * @param settings its publisher settings
 */
public record ApplicationSpec(String name, AppSettings settings) {

	static ApplicationSpec of(App app) {
		return new ApplicationSpec(app.getName(), app.getSettings());
	}

}
