#!/usr/bin/env bash
# Real git output for the corpus. Fetches the sources jars of four consecutive releases of Apache
# Commons Lang (3.17.0 .. 3.20.0) and Commons IO (2.19.0 .. 2.22.0) from Maven Central (with ./mvnw
# dependency:copy), commits each pair of releases into a new git repository, one commit per release,
# with fixed author and dates so the hashes are reproducible, and runs
#   git log --stat        -> raw/git-log-stat.txt
#   git log -p HEAD~3..HEAD (the three release-to-release diffs, not the initial import)
#                         -> raw/git-log-patch.txt
#   git show --stat HEAD~1, git diff --stat HEAD~3 HEAD, git shortlog -sn, git status -> raw/git-misc.txt
source "$(dirname -- "$0")/lib.sh"
use_clean_env "$@"

LANG_VERSIONS=(3.17.0 3.18.0 3.19.0 3.20.0)
IO_VERSIONS=(2.19.0 2.20.0 2.21.0 2.22.0)
src="$WORK/sources"
repo="$WORK/git-repo"
rm -rf "$src" "$repo"
mkdir -p "$src" "$repo"

artifacts=()
for v in "${LANG_VERSIONS[@]}"; do artifacts+=("org.apache.commons:commons-lang3:$v:jar:sources"); done
for v in "${IO_VERSIONS[@]}"; do artifacts+=("commons-io:commons-io:$v:jar:sources"); done
echo "git-log: fetching ${#artifacts[@]} sources jars" >&2
# Run outside the project so its enforcer rules do not apply to this plain goal invocation.
for a in "${artifacts[@]}"; do
  (cd "$src" && "$MVN" -B -q -Dmaven.repo.local="$CORPUS_M2" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$a" -DoutputDirectory="$src")
done

export GIT_AUTHOR_NAME="Release Bot" GIT_AUTHOR_EMAIL="release-bot@example.invalid"
export GIT_COMMITTER_NAME="Release Bot" GIT_COMMITTER_EMAIL="release-bot@example.invalid"
git -C "$repo" init -q -b main
git -C "$repo" config core.autocrlf false
for i in "${!LANG_VERSIONS[@]}"; do
  lv=${LANG_VERSIONS[$i]} iv=${IO_VERSIONS[$i]}
  rm -rf "$repo/commons-lang3" "$repo/commons-io"
  mkdir -p "$repo/commons-lang3" "$repo/commons-io"
  (cd "$repo/commons-lang3" && unzip -q "$src/commons-lang3-$lv-sources.jar" -x 'META-INF/*')
  (cd "$repo/commons-io" && unzip -q "$src/commons-io-$iv-sources.jar" -x 'META-INF/*')
  git -C "$repo" add -A
  export GIT_AUTHOR_DATE="2025-0$((i + 1))-15T10:00:00Z" GIT_COMMITTER_DATE="2025-0$((i + 1))-15T10:00:00Z"
  git -C "$repo" commit -q -m "Import commons-lang3 $lv and commons-io $iv sources" \
    -m "Unpacked from the released sources jars; META-INF is left out."
done

git -C "$repo" log --stat >"$RAW/git-log-stat.txt"
git -C "$repo" log -p HEAD~3..HEAD >"$RAW/git-log-patch.txt"
{
  echo '$ git show --stat HEAD~1'; git -C "$repo" show --stat HEAD~1
  echo '$ git diff --stat HEAD~3 HEAD'; git -C "$repo" diff --stat HEAD~3 HEAD
  echo '$ git shortlog -sn'; git -C "$repo" shortlog -sn HEAD
  echo '$ git log --oneline --graph'; git -C "$repo" log --oneline --graph
  echo '$ git ls-files | head -300'; git -C "$repo" ls-files | sed -n 1,300p
} >"$RAW/git-misc.txt"
echo "git-log: done" >&2
