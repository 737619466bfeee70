#!/usr/bin/env python3
"""questionnaire-strings.py — lists the translatable texts of a JSON content file (a
questionnaire, a plugin's advice file) as N_() calls, so that xgettext (which does not
read JSON) extracts them.

    questionnaire-strings.py plugins/avg/questionnaire.json            # writes the .h
    questionnaire-strings.py --check plugins/avg/questionnaire.json    # test: up to date?

The output, <name>-strings.h beside the JSON (questionnaire.json → questionnaire-strings.h,
advice.json → advice-strings.h), is committed and listed in po/POTFILES; it is never
compiled. See docs/questionnaires.md."""
import json, os, sys

TEXT_FIELDS = ("title", "intro", "help", "text", "label", "risk", "step", "severity_reason")

def walk(node, path, out):
    if isinstance(node, dict):
        for key, value in node.items():
            where = "%s.%s" % (path, key)
            if key in TEXT_FIELDS and isinstance(value, str):
                out.append((where, value))
            else:
                walk(value, where, out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            ident = value.get("id") or value.get("finding") if isinstance(value, dict) else None
            walk(value, "%s[%s]" % (path, ident or i), out)

def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

def render(source):
    with open(source, encoding="utf-8") as f:
        doc = json.load(f)
    texts = []
    walk(doc, "$", texts)
    name = os.path.basename(source)
    lines = ["/* Generated from %s by build-aux/questionnaire-strings.py: do not edit." % name,
             " * Only for xgettext (never compiled): the texts of the content file. */",
             "#if 0"]
    seen = set()
    for where, text in texts:
        if text in seen:
            continue
        seen.add(text)
        lines.append("/* TRANSLATORS: %s %s */" % (doc.get("id", name), where))
        lines.append("N_(%s);" % c_string(text))
    lines.append("#endif")
    return "\n".join(lines) + "\n"

def main(argv):
    check = argv[1:2] == ["--check"]
    sources = argv[2:] if check else argv[1:]
    status = 0
    for source in sources:
        stem = os.path.splitext(os.path.basename(source))[0]
        target = os.path.join(os.path.dirname(source), stem + "-strings.h")
        text = render(source)
        if check:
            try:
                current = open(target, encoding="utf-8").read()
            except OSError:
                current = None
            if current != text:
                print("%s is out of date: run build-aux/questionnaire-strings.py %s" % (target, source))
                status = 1
            else:
                print("%s is up to date" % target)
        else:
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
    return status

if __name__ == "__main__":
    sys.exit(main(sys.argv))
