# Greenroom: build with the project's own Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
# npm fetches OvenPlayer at build time; nothing is loaded from a CDN at run time.
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY config-templates config-templates
RUN ./mvnw -B -DskipTests verify \
  && java -Djarmode=tools -jar target/greenroom-*.jar extract --destination /app --application-filename greenroom.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin greenroom \
  && mkdir -p /data /ome-conf && chown greenroom /data /ome-conf
COPY --from=build /app /app
# JVM flags sized for a 1 GB host shared with OME and Caddy, the same file the benchmark uses
# (docs/performance.md: Memory).
COPY deploy/jvm.options /app/jvm.options
# AppCDS: a training run that stops once the application context is up archives the classes it
# loaded. Their metadata is then mapped from this file instead of being parsed into the JVM's own
# memory at every start (docs/performance.md: Memory).
COPY deploy/train-cds.sh /app/train-cds.sh
RUN sh /app/train-cds.sh /app
USER greenroom
WORKDIR /data
# Extra JVM flags, if any, go in JAVA_OPTS; the budget itself is in /app/jvm.options.
ENV JAVA_OPTS=""
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options -XX:SharedArchiveFile=/app/greenroom.jsa $JAVA_OPTS -jar /app/greenroom.jar"]
