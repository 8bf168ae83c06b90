package cn.meizhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Meizhi (美质): the web portal of a medical-aesthetics quality-control and star-rating
 * registry.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MeizhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MeizhiApplication.class, args);
	}

}
