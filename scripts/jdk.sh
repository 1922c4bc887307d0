# Sourced by ./trawl and ./run-tests: sets TRAWL_JAVA_HOME to a JDK >= 25, or explains and returns 1.
# Order: JAVA_HOME if it is one, then the newest JDK under /usr/lib/jvm, then javac on PATH.
# The version comes from the JDK's `release` file, which costs nothing, rather than from starting a JVM.
trawl_java_major() {
  local version
  version="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)"
  if [[ -z "$version" && -x "$1/bin/java" ]]; then
    version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)"
  fi
  echo "$version"
}

trawl_find_jdk() {
  local candidates=() dir major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in "${candidates[@]}"; do
    [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || continue
    major="$(trawl_java_major "$dir")"
    if [[ -n "$major" && "$major" -ge 25 ]]; then TRAWL_JAVA_HOME="$dir"; return 0; fi
  done
  echo "trawl: no JDK 25 or newer found (checked JAVA_HOME, /usr/lib/jvm and PATH); install one, e.g. 'apt-get install temurin-25-jdk' or from https://adoptium.net, then set JAVA_HOME" >&2
  return 1
}
