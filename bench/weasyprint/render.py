#!/usr/bin/env python3
"""The benchmark handout through HTML + CSS and WeasyPrint: reads the same plan, clinic and
exercise YAML that hep reads, writes one HTML page laid out like hep's handout (header with
logo, title, client, next appointment, notes, one unbreakable card per exercise with its
pictures, a dosage box, numbered steps, tips, cautions, next step and note; a footer with
"Page X of Y" and the client's name after page 1), and prints it to PDF.

    python3 bench/weasyprint/render.py PLAN OUT.pdf --library DIR [--library DIR]... \
        [--clinic FILE] [--fonts DIR] [--html OUT.html]

Exercises are looked up by id in the --library folders first (recursively, `ID.yaml`), then
in the bundled library/ beside bench/. Needs PyYAML and WeasyPrint (pip install weasyprint pyyaml).
"""

import argparse
import calendar
import datetime as dt
import html
import re
from pathlib import Path

import yaml
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

REPO = Path(__file__).resolve().parents[2]


def esc(text):
    return html.escape(str(text))


def seconds(value):
    if isinstance(value, int):
        return value
    total = 0
    for n, unit in re.findall(r"(\d+)\s*(minutes|minute|mins|min|m|seconds|second|secs|sec|s)?", str(value).lower()):
        total += int(n) * (60 if unit.startswith("m") else 1)
    return total


def plural(n, one, many):
    return one if n == 1 else many.replace("{n}", str(n))


def duration_words(total):
    if total >= 60 and total % 60 == 0:
        return plural(total // 60, "1 minute", "{n} minutes")
    return plural(total, "1 second", "{n} seconds")


def side_phrase(laterality, side):
    if side == "left":
        return " on your left side"
    if side == "right":
        return " on your right side"
    if side == "each" or (side is None and laterality == "unilateral"):
        return " on each side"
    if side is None and laterality == "alternating":
        return ", switching sides each time"
    return ""


def dosage_sentence(dosage, laterality, side):
    s = side_phrase(laterality, side)
    sets = dosage.get("sets")
    sets = sets if sets and sets > 1 else None
    reps = dosage.get("reps")
    hold = duration_words(seconds(dosage["hold"])) if dosage.get("hold") is not None else None
    out = []
    if sets:
        out.append(f"{sets} sets of {reps or 1}{s}")
        if hold:
            out.append(f"Hold each one {hold}")
    elif reps and hold:
        out += [f"Hold {hold}", plural(reps, "Do it once", "Repeat {n} times") + s]
    elif reps:
        out.append(plural(reps, "Do it once", "Do it {n} times") + s)
    elif hold:
        out.append(f"Hold {hold}{s}")
    if dosage.get("duration") is not None:
        keep = "Keep going for " + duration_words(seconds(dosage["duration"]))
        out.append(keep if out else keep + s)
    if dosage.get("rest") is not None:
        rest = duration_words(seconds(dosage["rest"]))
        if sets:
            out.append(f"Rest {rest} between sets")
        elif reps and reps > 1:
            out.append(f"Rest {rest} between each one")
    return " ".join(x + "." for x in out) or None


def frequency_sentence(freq):
    if freq is None:
        return "Once a day, every day"
    text = str(freq).lower().strip()
    if text == "as needed":
        return "As needed, when you feel stiff or sore"
    words = {"once": 1, "twice": 2}
    per_day, days = 1, "every day"
    m = re.search(r"(once|twice|\d+)(?: times)? a day|(\d+)x/day", text)
    if m:
        n = m.group(1) or m.group(2)
        per_day = words.get(n) or int(n)
    w = re.search(r"(\d+)x/week|(\d+) days? a week", text)
    if w:
        days = plural(int(w.group(1) or w.group(2)), "1 day a week", "{n} days a week")
    if "every other day" in text:
        days = "every other day"
    if per_day == 1 and days != "every day":
        return days[0].upper() + days[1:]
    head = {1: "Once a day", 2: "Twice a day"}.get(per_day, f"{per_day} times a day")
    return f"{head}, {days}"


def as_date(value):
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def add_months(date, n):
    months = date.year * 12 + date.month - 1 + n
    year, month = divmod(months, 12)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def follow_up(plan, session):
    f = plan.get("follow_up")
    if f is None:
        return None
    spec = f if isinstance(f, dict) else ({"date": f} if re.match(r"^\d{4}-", str(f)) else {"in": f})
    note = spec.get("note", "If your pain is gone before then, feel free to cancel.")
    if "date" in spec:
        date = as_date(spec["date"])
        words = plural((date - session).days, "tomorrow", "in {n} days")
    else:
        n, unit = str(spec["in"]).split()
        n = int(n)
        if unit.startswith("day"):
            date = session + dt.timedelta(days=n)
        elif unit.startswith("week"):
            date = session + dt.timedelta(weeks=n)
        else:
            date = add_months(session, n)
        words = "in " + str(spec["in"])
    return date, words, note


def long_date(d):
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def localised(value, lang):
    """Texts can be one value or a map by language (`name: {en: Clamshell, fr: Palourde}`)."""
    if isinstance(value, dict):
        return value.get(lang, next(iter(value.values())))
    if isinstance(value, list):
        return [localised(item, lang) for item in value]
    return value


def find_exercise(ident, libraries):
    for folder in libraries:
        for path in sorted(Path(folder).rglob(f"{ident}.yaml")):
            return path
    raise SystemExit(f"unknown exercise `{ident}`")


CSS = """
@page {
  size: %(page)s; margin: 0.55in 0.6in 0.85in 0.6in;
  @bottom-left { content: element(footer); vertical-align: top; width: 100%%; }
}
@page :first { @bottom-left { content: element(footer-first); vertical-align: top; width: 100%%; } }
html { font-family: "Atkinson Hyperlegible"; font-size: 10.5pt; line-height: 1.25; }
body { margin: 0; }
.footer, .footer-first { font-size: 8pt; color: #5a5a5a; border-top: 0.5pt solid #ccc; padding-top: 3pt; }
.footer { position: running(footer); }
.footer-first { position: running(footer-first); }
.pageno { float: right; }
.pageno::after { content: "Page " counter(page) " of " counter(pages); }
header { display: flex; align-items: center; gap: 10pt; border-bottom: 1pt solid var(--primary);
  padding-bottom: 4pt; }
header img { height: 0.6in; }
header .name { font-size: 13pt; font-weight: bold; color: var(--primary); }
header .contact { font-size: 7.5pt; color: #5a5a5a; }
h1 { font-size: 20pt; margin: 8pt 0 2pt; }
.who { display: flex; gap: 24pt; }
.who small { display: block; font-size: 7.5pt; font-weight: bold; color: #5a5a5a; }
.who b { font-weight: bold; }
.appointment { background: var(--accent-tint); border-left: 3pt solid var(--accent); padding: 8pt 10pt;
  margin: 8pt 0; border-radius: 2pt; font-size: 9pt; }
.appointment .label { font-size: 8pt; font-weight: bold; color: var(--accent-dark); }
.appointment .when { font-size: 13pt; font-weight: bold; }
.notes { font-size: 9.5pt; border-bottom: 0.5pt solid #ccc; padding-bottom: 6pt; }
.notes .label { font-size: 10.5pt; font-weight: bold; color: var(--primary); }
.card { break-inside: avoid; margin-top: 14pt; font-size: 10pt; }
.card h2 { font-size: 14pt; margin: 0 0 4pt; border-bottom: 0.5pt solid #ccc; padding-bottom: 3pt;
  display: flex; align-items: center; gap: 8pt; }
.card h2 .n { display: inline-block; width: 18pt; height: 18pt; border-radius: 9pt; background: var(--primary);
  color: white; font-size: 9pt; text-align: center; line-height: 18pt; }
.body { display: flex; gap: 14pt; }
.pictures { width: 2in; flex: none; }
figure { margin: 0 0 6pt; }
.frame { position: relative; border: 0.5pt solid #ccc; border-radius: 3pt; padding: 4pt; }
.frame img { width: 100%%; display: block; image-orientation: from-image; }
.frame .caption { position: absolute; top: 0; left: 0; background: var(--tint); padding: 2pt;
  font-size: 7pt; font-weight: bold; color: var(--primary); }
figcaption { font-size: 7pt; color: #5a5a5a; }
.text { flex: 1; }
.dose { background: var(--tint); border-radius: 3pt; padding: 8pt; display: grid;
  grid-template-columns: 0.8in 1fr; row-gap: 5pt; font-weight: bold; }
.dose .k { color: var(--primary); }
ol { padding-left: 1.4em; margin: 6pt 0; }
ol li { margin-bottom: 3pt; }
ol li::marker { color: var(--primary); font-weight: bold; }
ul { padding-left: 1.2em; margin: 0; }
.row { display: grid; grid-template-columns: 0.85in 1fr; column-gap: 6pt; margin-top: 3pt; }
.row .k { font-weight: bold; font-size: 9.5pt; color: var(--primary); }
.row .k.warn { color: var(--accent-dark); }
"""


def hex_to_rgb(color):
    color = color.lstrip("#")
    return tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))


def mix(color, towards, amount):
    r, g, b = hex_to_rgb(color)
    t = 255 if towards == "white" else 0
    return "#%02x%02x%02x" % tuple(round(c + (t - c) * amount) for c in (r, g, b))


def build_html(plan_path, clinic_path, libraries, fonts):
    plan = yaml.safe_load(plan_path.read_text())
    if clinic_path is None and plan.get("clinic"):
        clinic_path = (plan_path.parent / plan["clinic"]).resolve()
    clinic = yaml.safe_load(clinic_path.read_text()) if clinic_path else {"name": "Your home exercises"}
    colors = clinic.get("colors", {})
    primary = colors.get("primary", "#2F5D62")
    accent = colors.get("accent", "#B5651D")
    session = as_date(plan["date"])
    lang = plan.get("language", "en")
    lang = lang[0] if isinstance(lang, list) else lang
    plan = {key: localised(value, lang) if key in ("notes",) else value for key, value in plan.items()}

    faces = "".join(
        f'@font-face {{ font-family: "Atkinson Hyperlegible"; src: url("{(fonts / f"AtkinsonHyperlegible-{style}.ttf").as_uri()}");'
        f" font-weight: {weight}; font-style: {slant}; }}\n"
        for style, weight, slant in [("Regular", 400, "normal"), ("Bold", 700, "normal"),
                                     ("Italic", 400, "italic"), ("BoldItalic", 700, "italic")]
    )
    variables = (f":root {{ --primary: {primary}; --accent: {accent}; --tint: {mix(primary, 'white', 0.9)};"
                 f" --accent-tint: {mix(accent, 'white', 0.88)}; --accent-dark: {mix(accent, 'black', 0.3)}; }}")
    page = "A4" if clinic.get("page") == "a4" else "letter"
    contact = " · ".join(esc(clinic[k]) for k in ("phone", "email", "website") if k in clinic)
    foot_bits = [clinic["name"]] + [clinic[k] for k in ("phone", "website") if k in clinic]
    footer_line = esc(clinic.get("footer", ""))
    out = [f"<!doctype html><html lang=en><head><meta charset=utf-8>",
           f"<title>Home exercise program for {esc(plan['client'])}</title>",
           f"<style>{faces}{variables}{CSS % {'page': page}}</style></head><body>",
           f'<div class=footer-first><span class=pageno></span>{esc(" · ".join(foot_bits))}<br>{footer_line}</div>',
           f'<div class=footer><span class=pageno></span>{esc(" · ".join([plan["client"]] + foot_bits))}<br>{footer_line}</div>',
           "<header>"]
    if clinic.get("logo"):
        out.append(f'<img src="{(clinic_path.parent / clinic["logo"]).resolve().as_uri()}" alt="">')
    out.append(f'<div><div class=name>{esc(clinic["name"])}</div><div class=contact>'
               f'{esc(clinic.get("address", ""))}<br>{contact}</div></div></header>')
    out.append("<h1>Your home exercise program</h1><div class=who>")
    for label, value in [("Prepared for", plan["client"]), ("Therapist", plan.get("therapist", "")),
                         ("Date", f"{session:%B} {session.day}, {session.year}")]:
        out.append(f"<div><small>{label}</small><b>{esc(value)}</b></div>")
    out.append("</div>")
    follow = follow_up(plan, session)
    if follow:
        date, words, note = follow
        call = f"<br>To change it, call {esc(clinic['phone'])}." if "phone" in clinic else ""
        out.append(f'<div class=appointment><div class=label>Your next appointment</div>'
                   f'<div class=when>{long_date(date)} ({esc(words)})</div>{esc(note)}{call}</div>')
    if plan.get("notes"):
        out.append(f'<div class=notes><div class=label>A note from your therapist</div>{esc(plan["notes"])}</div>')

    for number, entry in enumerate(plan["exercises"], 1):
        entry = {"id": entry} if isinstance(entry, str) else entry
        path = find_exercise(entry["id"], libraries)
        ex = yaml.safe_load(path.read_text())
        ex = {key: value if key in ("dosage", "illustrations") else localised(value, lang)
              for key, value in ex.items()}
        dosage = dict(ex.get("dosage") or {})
        dosage.update({k: entry[k] for k in ("sets", "reps", "hold", "rest", "duration") if k in entry})
        amount = dosage_sentence(dosage, ex.get("laterality", "bilateral"), entry.get("side"))
        often = frequency_sentence(entry.get("frequency", ex.get("frequency")))
        out.append(f'<section class=card><h2><span class=n>{number}</span>{esc(ex["name"])}</h2><div class=body><div class=pictures>')
        for picture in ex.get("illustrations", []):
            picture = {"file": picture} if isinstance(picture, str) else picture
            picture = {key: localised(value, lang) for key, value in picture.items()}
            caption = f'<span class=caption>{esc(picture["caption"])}</span>' if picture.get("caption") else ""
            credit = f'<figcaption>{esc(picture["credit"])}</figcaption>' if picture.get("credit") else ""
            out.append(f'<figure><div class=frame><img src="{(path.parent / picture["file"]).resolve().as_uri()}"'
                       f' alt="{esc(picture.get("alt", ""))}">{caption}</div>{credit}</figure>')
        out.append("</div><div class=text><div class=dose>")
        if amount:
            out.append(f"<span class=k>Do</span><span>{esc(amount)}</span>")
        out.append(f"<span class=k>How often</span><span>{esc(often)}</span>")
        if ex.get("equipment"):
            need = ", ".join(ex["equipment"])
            out.append(f"<span class=k>You need</span><span>{esc(need[0].upper() + need[1:])}</span>")
        out.append("</div><ol>" + "".join(f"<li>{esc(step)}</li>" for step in ex["steps"]) + "</ol>")
        if ex.get("cues"):
            out.append('<div class=row><span class=k>Tips</span><ul>'
                       + "".join(f"<li>{esc(c)}</li>" for c in ex["cues"]) + "</ul></div>")
        out.append("</div></div>")
        rows = []
        if ex.get("precautions"):
            rows.append(("Be careful", " ".join(ex["precautions"]), " warn"))
        if ex.get("progression"):
            rows.append(("Next step", ex["progression"], ""))
        if ex.get("video"):
            rows.append(("Video", ex["video"], ""))
        if entry.get("note"):
            rows.append(("Note", localised(entry["note"], lang), " warn"))
        for label, text, cls in rows:
            out.append(f"<div class=row><span class='k{cls}'>{label}</span><span>{esc(text)}</span></div>")
        out.append("</section>")
    out.append("</body></html>")
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--library", type=Path, action="append", default=[])
    parser.add_argument("--clinic", type=Path)
    parser.add_argument("--fonts", type=Path, default=REPO / "fonts")
    parser.add_argument("--html", type=Path, help="also write the HTML here")
    args = parser.parse_args()
    libraries = args.library + [REPO / "library"]
    document = build_html(args.plan.resolve(), args.clinic.resolve() if args.clinic else None,
                          libraries, args.fonts.resolve())
    if args.html:
        args.html.write_text(document)
    HTML(string=document, base_url=str(args.plan.resolve().parent)).write_pdf(
        args.output, font_config=FontConfiguration())


if __name__ == "__main__":
    main()
