# Turns one data file into a C++ source holding its bytes, so the lexicon ships inside the binary.
# Usage: cmake -DINPUT=file.tsv -DOUTPUT=file.cpp -DSYMBOL=name -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Line breaks every 32 bytes keep the generated file readable by compilers and people alike.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${name} by embed.cmake; do not edit.\n"
  "#include \"embedded.hpp\"\n"
  "namespace corpgraph::detail {\n"
  "namespace { const unsigned char bytes[] = {\n${bytes}0x00};\n}\n"
  "extern const EmbeddedFile ${SYMBOL}{\"${name}\", reinterpret_cast<const char*>(bytes), ${size}};\n"
  "}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
