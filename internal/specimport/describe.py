#!/usr/bin/env python3
"""Adds schema descriptions to openapi.yaml.

    python3 internal/specimport/describe.py internal/specimport/descriptions.yaml openapi.yaml

descriptions.yaml maps component schema names to descriptions (our
words). Each schema of openapi.yaml that has no description and a
entry in the map gets a `description:` line right under its name; the
rest of the file is left byte for byte as it is. It prints how many were
added and lists the schemas still without a description, and fails when
the map names a schema that does not exist.
"""
import json
import sys

import yaml


def main(desc_path, spec_path):
    with open(desc_path) as f:
        descs = yaml.safe_load(f) or {}
    with open(spec_path) as f:
        text = f.read()
    spec = yaml.safe_load(text)
    schemas = spec["components"]["schemas"]
    unknown = sorted(set(descs) - set(schemas))
    if unknown:
        sys.exit("describe.py: no such schemas: " + ", ".join(unknown))

    lines = text.split("\n")
    start = lines.index("  schemas:")
    out, added, inside = lines[: start + 1], 0, True
    for line in lines[start + 1 :]:
        out.append(line)
        if line.strip() and len(line) - len(line.lstrip(" ")) < 4:
            inside = False  # past components.schemas
        if inside and line.startswith("    ") and not line.startswith("     ") and line.endswith(":"):
            name = line.strip()[:-1].strip("'\"")
            s = schemas.get(name)
            if s is not None and "description" not in s and descs.get(name):
                out.append("      description: " + json.dumps(descs[name].strip(), ensure_ascii=False))
                added += 1
    result = "\n".join(out)
    after = yaml.safe_load(result)["components"]["schemas"]
    missing = sorted(n for n, s in after.items() if "description" not in s)
    with open(spec_path, "w") as f:
        f.write(result)
    print(f"describe.py: added {added} descriptions; {len(missing)} schemas still have none")
    for n in missing:
        print("  " + n)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
