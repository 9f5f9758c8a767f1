"""Keep config.m4 and CMakeLists.txt source lists in sync with the tree.

Each list sits between a "BEGIN <name>" and an "END <name>" marker line.
The lines in between are generated; everything else is left as written.
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ZEND_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](php|zend|Zend|main/|ext/)', re.M)


def files(pattern, exclude_dir=None):
    found = []
    for path in sorted(ROOT.glob(pattern)):
        rel = path.relative_to(ROOT).as_posix()
        if exclude_dir and rel.startswith(exclude_dir + "/"):
            continue
        found.append(rel)
    return found


def lists():
    core = files("src/**/*.cc", exclude_dir="src/php")
    glue = files("src/php/*.cc")
    unit = files("tests/unit/*.cc")
    fuzz = files("fuzz/*.cc")
    return core, glue, unit, fuzz


def replace_block(text, name, body, path):
    pattern = re.compile(r"(^[^\n]*BEGIN %s[^\n]*\n)(.*?)(^[^\n]*END %s[^\n]*$)" % (name, name), re.S | re.M)
    if not pattern.search(text):
        sys.exit("%s: missing BEGIN/END %s markers" % (path, name))
    return pattern.sub(lambda m: m.group(1) + body + m.group(3), text, count=1)


def render_m4(name, items):
    lines = ['%s="' % name]
    lines += ["  %s" % item for item in items]
    lines.append('"')
    return "\n".join(lines) + "\n"


def render_cmake(name, items):
    lines = ["set(%s" % name]
    lines += ["    %s" % item for item in items]
    lines.append(")")
    return "\n".join(lines) + "\n"


def generate():
    core, glue, unit, fuzz = lists()
    m4_path = ROOT / "config.m4"
    cmake_path = ROOT / "CMakeLists.txt"
    m4 = m4_path.read_text()
    m4 = replace_block(m4, "core-sources", render_m4("MAILBRIDGE_CORE_SOURCES", core), m4_path)
    m4 = replace_block(m4, "glue-sources", render_m4("MAILBRIDGE_GLUE_SOURCES", glue), m4_path)
    cmake = cmake_path.read_text()
    cmake = replace_block(cmake, "core-sources", render_cmake("MAILBRIDGE_CORE_SOURCES", core), cmake_path)
    cmake = replace_block(cmake, "unit-test-sources", render_cmake("MAILBRIDGE_UNIT_TEST_SOURCES", unit), cmake_path)
    cmake = replace_block(cmake, "fuzz-sources", render_cmake("MAILBRIDGE_FUZZ_SOURCES", fuzz), cmake_path)
    return {m4_path: m4, cmake_path: cmake}


def zend_leaks():
    leaks = []
    for path in sorted((ROOT / "src").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("src/php/") or path.suffix not in (".cc", ".h"):
            continue
        if ZEND_INCLUDE.search(path.read_text(errors="replace")):
            leaks.append(rel)
    return leaks


def main():
    check = "--check" in sys.argv[1:]
    status = 0
    for path, wanted in generate().items():
        current = path.read_text()
        if current == wanted:
            continue
        if check:
            status = 1
            sys.stdout.writelines(difflib.unified_diff(
                current.splitlines(True), wanted.splitlines(True),
                str(path.relative_to(ROOT)), str(path.relative_to(ROOT)) + " (expected)"))
        else:
            path.write_text(wanted)
            print("updated %s" % path.relative_to(ROOT))
    for rel in zend_leaks():
        print("%s: core sources must not include PHP or Zend headers" % rel)
        status = 1
    if check and status:
        print("source lists are stale: run scripts/sync-sources", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
