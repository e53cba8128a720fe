package nl.doorstroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DoorstroomApplication {

    public static void main(String[] args) {
        SpringApplication.run(DoorstroomApplication.class, args);
    }
}
