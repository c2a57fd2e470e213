# The fresh Debian root the package tests install into (tests/package: the
# .deb files with apt; bindings/python: the wheel with python3 alone): one root,
# made by scripts/debian-rootfs.sh once per package list (the package_rootfs
# fixture) and cached across builds under PIXABOTS_ROOTFS_CACHE, else
# ~/.cache/pixabots/rootfs. python3-venv is what the wheel test needs; the
# .deb test's apt brings everything else.
set(PIXABOTS_TEST_ROOTFS_CACHE "$ENV{PIXABOTS_ROOTFS_CACHE}")
if(NOT PIXABOTS_TEST_ROOTFS_CACHE)
  set(PIXABOTS_TEST_ROOTFS_CACHE "$ENV{HOME}/.cache/pixabots/rootfs")
endif()
set(PIXABOTS_TEST_ROOTFS ${PIXABOTS_TEST_ROOTFS_CACHE}/fresh-root.tar)
set(PIXABOTS_TEST_ROOTFS_PACKAGES python3 python3-venv)
