# syntax=docker/dockerfile:1
#
# A small image of disputebot: a static binary (the corpus is embedded in
# it) on an empty base, run as an unprivileged user, with DATA_DIR on a
# volume. Build and run:
#
#   docker build -t disputebot .
#   docker run -d --env-file .env -v disputebot-data:/data -p 127.0.0.1:9090:9090 disputebot
#
# The build stage is named "build" and leaves everything the final stage
# takes in /out, so that a machine that cannot pull golang can still build
# the image from a binary built outside: docker build --build-context
# build=DIR, where DIR holds disputebot, data/, tmp/ and the CA certificates (see
# cmd/disputebot/packaging_test.go).

ARG GO_VERSION=1.26
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static, reproducible, with the VCS revision when .git is in the context.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/disputebot ./cmd/disputebot \
 && mkdir -p /out/data /out/tmp \
 && cp /etc/ssl/certs/ca-certificates.crt /out/ca-certificates.crt

# The final stage has nothing but the binary, the certificates it needs to
# reach https://discord.com, and an empty DATA_DIR owned by the user it runs
# as: no shell, no package manager, no curl (the health check is the binary
# itself).
FROM scratch
COPY --from=build /out/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/disputebot /disputebot
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build --chown=65532:65532 /out/tmp /tmp
USER 65532:65532
ENV DATA_DIR=/data \
    METRICS_ADDR=:9090 \
    LOG_FORMAT=json \
    LOG_LEVEL=info
VOLUME /data
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=6s --start-period=2m --retries=3 CMD ["/disputebot", "healthcheck"]
ENTRYPOINT ["/disputebot"]
CMD ["run"]
