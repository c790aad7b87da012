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
RUN ./mvnw -B -DskipTests package && cp target/greenroom-*.jar /greenroom.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin greenroom \
  && mkdir -p /data /ome-conf && chown greenroom /data /ome-conf
COPY --from=build /greenroom.jar /app/greenroom.jar
USER greenroom
WORKDIR /data
# Sized for a 1 GB host shared with OME and Caddy (see README, Memory).
ENV JAVA_OPTS="-Xmx64m -Xss256k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/greenroom.jar"]
