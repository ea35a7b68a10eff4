# syntax=docker/dockerfile:1
# Boardcast app image. Build: docker build -t boardcast-app .   (docker-compose.yml builds it too)

# Built and run on the current LTS JDK (virtual threads serve requests and stream senders); the bytecode stays Java 17
# (maven.compiler.release from java.version), so the same jar also runs where only 17 is installed.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Every module's pom, so the reactor resolves; db, the test kit (a test-scoped dependency of the app) and app are built.
COPY db/pom.xml db/pom.xml
COPY test-support/pom.xml test-support/pom.xml
COPY app/pom.xml app/pom.xml
COPY e2e/pom.xml e2e/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY faults/pom.xml faults/pom.xml
COPY db/src db/src
COPY test-support/src test-support/src
COPY app/src app/src
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw \
    && ./mvnw -B -DskipTests package -pl app -am \
    && cp app/target/boardcast-app-*.jar /src/boardcast.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system boardcast && useradd --system --gid boardcast --home-dir /app --shell /usr/sbin/nologin boardcast
WORKDIR /app
COPY --from=build --chown=boardcast:boardcast /src/boardcast.jar /app/boardcast.jar
USER boardcast
EXPOSE 8080
# bash's /dev/tcp: the JRE image needs no curl for this.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/boardcast.jar"]
