package nl.doorstroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DoorstroomApplication {

    public static void main(String[] args) {
        // The linking engine on an instance directory: no web server, no database (issue 5).
        if (args.length > 0 && args[0].equals(nl.doorstroom.matching.LinkInstanceCommand.NAME)) {
            System.exit(nl.doorstroom.matching.LinkInstanceCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(DoorstroomApplication.class, args);
    }
}
