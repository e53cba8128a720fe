package nl.doorstroom.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the JVM when no external database is configured: for
 * {@code ./mvnw spring-boot:run} with a persistent data directory, for tests with a throwaway one.
 * Production sets {@code SPRING_DATASOURCE_URL} and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @ConfigurationProperties("doorstroom.embedded-database")
    record EmbeddedDatabaseProperties(String dataDirectory, Integer port, Integer maximumPoolSize) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        // No shutdown hook of its own: Spring stops the server after everything that uses it (the
        // pool, Modulith's event store), instead of racing them and leaving queries to time out.
        var builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        var persistent = properties.dataDirectory() != null && !properties.dataDirectory().isBlank();
        if (persistent) {
            var directory = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(directory);
            builder.setDataDirectory(directory).setCleanDataDirectory(false);
        }
        else {
            builder.setCleanDataDirectory(true);
        }
        if (properties.port() != null && properties.port() > 0) {
            builder.setPort(properties.port());
        }
        var postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} ({})", postgres.getPort(),
                persistent ? "data in " + properties.dataDirectory() : "throwaway data");
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        // Batched inserts travel as multi-row INSERTs: taking over a register (and the demo) inserts tens of
        // thousands of rows in batches, several times faster so. No code here reads per-row batch counts.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("embedded");
        config.setConnectionTimeout(5_000);
        config.setMaximumPoolSize(properties.maximumPoolSize() == null ? 10 : properties.maximumPoolSize());
        return new HikariDataSource(config);
    }
}
