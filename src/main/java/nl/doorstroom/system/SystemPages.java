package nl.doorstroom.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class SystemPages {

    @GetMapping("/login")
    String login() {
        return "system/login";
    }

    /** A trivial endpoint: the ceiling for throughput benchmarks of this application. */
    @GetMapping(value = "/ping", produces = "text/plain")
    @ResponseBody
    String ping() {
        return "pong";
    }
}
