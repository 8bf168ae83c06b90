# syntax=docker/dockerfile:1

# ---- build ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# The wrapper and the POM first, so that the dependency download is cached while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline || true

COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/meizhi-*.jar /src/app.jar

# ---- runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A non-root user with a home: without SPRING_DATASOURCE_URL the embedded PostgreSQL keeps its data
# in ~/.meizhi/pgdata.
RUN groupadd --system meizhi \
	&& useradd --system --gid meizhi --create-home --home-dir /home/meizhi --shell /usr/sbin/nologin meizhi

WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar

USER meizhi
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
