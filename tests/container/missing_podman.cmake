# Run by container_image when CMake found no podman, runc or mmdebstrap: fail,
# saying what to install.
message(FATAL_ERROR
  "The container image test needs podman, runc and mmdebstrap, not all found when CMake configured "
  "this build. On Debian or Ubuntu: sudo apt-get install podman runc uidmap mmdebstrap "
  "(scripts/install-deps.sh package), then re-run cmake so it finds them.")
