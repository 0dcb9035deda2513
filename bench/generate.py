#!/usr/bin/env python3
"""Writes the batch workload: 1,000 varied plans (clients, therapists, dates, exercise subsets,
doses, sides, frequencies, notes, follow-ups), the same bytes on every run (fixed seed).

    python3 bench/generate.py OUT_DIR [--count 1000] [--seed 2026]

Plans go in OUT_DIR/<yyyy-mm>/<nnnn>-<client>.yaml, a tree like a clinic's. About a third use
the photo exercises of bench/workload/library (render them with
`--library bench/workload/library`); the rest use only the bundled library. No `clinic:` key:
pass `--clinic bench/workload/clinic.yaml`. Python standard library only.
"""

import argparse
import datetime as dt
import random
from pathlib import Path

FIRST = ["Jane", "Sam", "Priya", "Marie-Hélène", "Omar", "Chloé", "Liam", "Noor", "Mateo", "Aiko",
         "Grace", "Tomás", "Zoë", "Ethan", "Fatima", "Lucas", "Ingrid", "Kwame", "Sofia", "Rowan",
         "Hannah", "Dev", "Élodie", "Mason", "Yuki", "Olivia", "Ravi", "Amara", "Björn", "Leah"]
LAST = ["Doe", "Lee", "Natarajan", "Côté", "Haddad", "Tremblay", "O'Brien", "Khan", "García",
        "Tanaka", "Okafor", "Martin", "Nguyen", "Roy", "Singh", "Müller", "Gagnon", "Wilson",
        "Bouchard", "Kowalski", "Smith", "Fraser", "Mensah", "Lindqvist", "Pelletier", "Chen"]
THERAPISTS = ["Alex Martin, RMT", "Priya Natarajan, RMT", "Jordan Blake, RMT", "Camille Roy, RMT"]

# Ids from `hep list` (bundled), with each one's laterality where a side makes sense.
BUNDLED = ["chin-tuck", "levator-scapulae-stretch", "neck-rotation", "upper-trapezius-stretch",
           "band-external-rotation", "cross-body-shoulder-stretch", "pendulum", "sleeper-stretch",
           "wall-angel", "doorway-pec-stretch", "band-row", "open-book", "scapular-squeeze",
           "thoracic-extension-chair", "cat-cow", "child-pose", "knee-to-chest", "pelvic-tilt",
           "bird-dog", "dead-bug", "clamshell", "figure-4-stretch", "foam-roll-lateral-thigh",
           "glute-bridge", "hip-flexor-lunge-stretch", "side-lying-hip-abduction",
           "standing-it-band-stretch", "hamstring-strap-stretch", "quad-stretch-standing",
           "straight-leg-raise", "wall-sit", "ankle-alphabet", "calf-raise", "calf-stretch-wall",
           "soleus-stretch", "wrist-extensor-stretch"]
PHOTO = ["band-walk", "wall-push-up"]  # bench/workload/library

FREQUENCIES = ["daily", "twice daily", "3 times a day", "2x/day", "3x/week", "4 days a week",
               "every other day", "as needed", "twice a day, 3 days a week", "5x/week"]
DURATIONS = ["20s", "30 s", "45 sec", "30 seconds", "1 min", "1 min 30 s", "60"]
FOLLOW_UPS = ["1 week", "10 days", "2 weeks", "3 weeks", "4 weeks", "1 month", "6 weeks"]
NOTES = [
    "Mild muscle soreness the next day is normal; sharp pain is not, so stop and let me know.",
    "Set a timer to do these every couple of hours at your desk.",
    "Do these after a warm shower, when your muscles are loose.",
    "Start gently. It is better to do a little every day than a lot once a week.",
    "Your shoulder is stiff from sleeping on it. Keep moving it within a comfortable range.",
    "Your calves tighten on long runs. Stretch after every run, not before.",
]
EX_NOTES = ["Go slowly.", "Breathe out as you lift.", "Keep it pain-free.", "Squeeze at the top.",
            "Use a pillow under your head.", "Stop if it pinches.", "Do this one in the morning."]


def quote(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def exercise_entry(rng, ident):
    if rng.random() < 0.35:
        return f"  - {ident}\n"
    lines = [f"  - id: {ident}"]
    kind = rng.random()
    if kind < 0.5:
        lines += [f"    sets: {rng.randint(1, 4)}", f"    reps: {rng.choice([5, 8, 10, 12, 15, 20])}"]
        if rng.random() < 0.4:
            lines.append(f"    rest: {rng.choice(DURATIONS)}")
    elif kind < 0.8:
        lines += [f"    reps: {rng.randint(1, 5)}", f"    hold: {rng.choice(DURATIONS)}"]
    else:
        lines.append(f"    duration: {rng.choice(DURATIONS)}")
    if rng.random() < 0.25:
        lines.append(f"    side: {rng.choice(['left', 'right', 'each', 'both'])}")
    if rng.random() < 0.5:
        lines.append(f"    frequency: {quote(rng.choice(FREQUENCIES))}")
    if rng.random() < 0.3:
        lines.append(f"    note: {quote(rng.choice(EX_NOTES))}")
    return "\n".join(lines) + "\n"


def plan(rng, number):
    client = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 360))
    with_photos = rng.random() < 0.33
    pool = BUNDLED + PHOTO if with_photos else BUNDLED
    count = rng.choices([2, 3, 4, 5, 6], weights=[1, 3, 4, 3, 2])[0]
    chosen = rng.sample(pool, count)
    if with_photos and not set(chosen) & set(PHOTO):
        chosen[rng.randrange(count)] = rng.choice(PHOTO)
    text = [f"# Benchmark plan {number:04d}", f"client: {quote(client)}",
            f"therapist: {quote(rng.choice(THERAPISTS))}", f"date: {date.isoformat()}"]
    if rng.random() < 0.7:
        text.append(f"notes: {quote(rng.choice(NOTES))}")
    follow = rng.random()
    if follow < 0.5:
        text.append(f"follow_up: {rng.choice(FOLLOW_UPS)}")
    elif follow < 0.7:
        text.append(f"follow_up: {(date + dt.timedelta(days=rng.randint(5, 40))).isoformat()}")
    elif follow < 0.85:
        text.append(f"follow_up: {{in: {rng.choice(FOLLOW_UPS)}, note: {quote('We will check how it feels.')}}}")
    text.append("exercises:")
    body = "\n".join(text) + "\n" + "".join(exercise_entry(rng, ident) for ident in chosen)
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in client.lower())
    return date, f"{number:04d}-{slug}.yaml", body


def main():
    parser = argparse.ArgumentParser(description="Write the benchmark's batch of plans.")
    parser.add_argument("out", type=Path, help="folder to write the plans into (created)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for number in range(1, args.count + 1):
        date, name, body = plan(rng, number)
        folder = args.out / f"{date:%Y-%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
    print(f"wrote {args.count} plans under {args.out}")


if __name__ == "__main__":
    main()
