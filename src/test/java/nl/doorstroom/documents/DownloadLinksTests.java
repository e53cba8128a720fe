package nl.doorstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class DownloadLinksTests {

    @Test
    void keepsThePagesFiltersAndAddsTheFormat() {
        var page = request("/quota", "province=PV21&q=S%C3%BAdwest%20Frysl%C3%A2n&q=Urk");

        var link = DownloadLinks.link(page, null, "csv");

        assertThat(link).isEqualTo("/quota?province=PV21&q=S%C3%BAdwest%20Frysl%C3%A2n&q=Urk&format=csv");
    }

    @Test
    void replacesAFormatAlreadyInTheQuery() {
        var page = request("/quota", "format=xlsx&province=PV21");

        assertThat(DownloadLinks.link(page, null, "csv")).isEqualTo("/quota?province=PV21&format=csv");
    }

    @Test
    void pointsAtTheBaseUrlWhenGivenAndLetsItsOwnQueryWin() {
        var page = request("/app/quota", "province=PV21&half-year=2026-II");

        var link = DownloadLinks.link(page, "/app/quota/export?half-year=2027-I", "xlsx");

        assertThat(link).isEqualTo("/app/quota/export?half-year=2027-I&province=PV21&format=xlsx");
    }

    @Test
    void outsideARequestIsTheBaseUrlWithTheFormat() {
        assertThat(DownloadLinks.link(null, "/quota", "csv")).isEqualTo("/quota?format=csv");
    }

    static MockHttpServletRequest request(String path, String query) {
        var request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return request;
    }
}
