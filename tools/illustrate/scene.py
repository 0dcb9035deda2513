"""A scene: a camera, bodies, props and arrows, written out as a small,
self-contained SVG (no text, no styles, no references)."""

import math

from geom import V, Camera, p_add, p_sub, p_mul, p_norm, p_perp, p_len, catmull_open
import figure as fig

W = 480            # every picture is this wide (viewBox units)
H_MIN, H_MAX = 270, 360   # and this tall: between 16:9 and 4:3
MARGIN = 12        # space between the drawing and the edge of the frame

PROP_LINE = "#8C979D"
PROP_FILL = "#F3F5F6"
PROP_FILL_DARK = "#E3E8EA"
ACCENT = "#D0603A"
OUTLINE_PX = 2.75   # visible outline width of the figure
PROP_PX = 2.0


def fmt(v):
    s = "%.1f" % v
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


class Xform:
    """World (y up) -> SVG pixels (y down)."""

    def __init__(self, scale, ox, oy, w=W, h=H_MAX):
        self.s, self.ox, self.oy = scale, ox, oy
        self.w, self.h = w, h   # the frame (viewBox) size in pixels

    def pt(self, p):
        return (self.ox + self.s * p[0], self.oy - self.s * p[1])

    def path_d(self, path):
        """Compact path data: absolute moveto, then relative commands.
        Coordinates are snapped to 0.1 px first, so deltas add up exactly."""
        out = []
        cur = (0, 0)
        start = (0, 0)

        def snap(p):
            x, y = self.pt(p)
            return (int(round(x * 10)), int(round(y * 10)))

        for seg in path.segs:
            k = seg[0]
            if k == "M":
                cur = start = snap(seg[1])
                out.append("M" + nums([cur[0], cur[1]]))
            elif k == "L":
                p = snap(seg[1])
                out.append("l" + nums([p[0] - cur[0], p[1] - cur[1]]))
                cur = p
            elif k == "C":
                ps = [snap(q) for q in seg[1:]]
                vals = []
                for q in ps:
                    vals += [q[0] - cur[0], q[1] - cur[1]]
                out.append("c" + nums(vals))
                cur = ps[-1]
            elif k == "A":
                _, r, large, ccw, p = seg
                q = snap(p)
                rr = int(round(r * self.s * 10))
                out.append("a" + nums([rr, rr, 0, large * 10, (1 - ccw) * 10,
                                       q[0] - cur[0], q[1] - cur[1]]))
                cur = q
            elif k == "Z":
                out.append("z")
                cur = start
        return "".join(out)


def tenth(n):
    """Integer tenths -> shortest decimal text."""
    sign = "-" if n < 0 else ""
    n = abs(n)
    if n % 10 == 0:
        return sign + str(n // 10)
    return "%s%d.%d" % (sign, n // 10, n % 10)


def nums(vals):
    out = ""
    for v in vals:
        t = tenth(v)
        if out and not t.startswith("-"):
            out += " "
        out += t
    return out


class Scene:
    def __init__(self, yaw=0.0, pitch=0.0, title=""):
        self.cam = Camera(yaw, pitch)
        self.title = title
        self.items = []      # dicts with layer, depth, kind ...
        self.floor_y = None  # world y of a floor line (drawn full width)
        self.bodies = []

    # ------------------------------------------------------------ adding
    def body(self, b):
        self.bodies.append(b)
        for g in b.render(self.cam):
            self.items.append(dict(kind="solid", layer=1, depth=g["depth"],
                                   parts=g["parts"], far=g["far"], bbox=True,
                                   marks=g.get("marks", [])))
        return b

    def ghost(self, b, names=("head",)):
        """Dashed outline of some groups of a body (e.g. the start position
        shown faintly in the end picture). It is drawn behind the figure, so
        only the part outside the new position shows."""
        for g in b.render(self.cam):
            if g["name"] in names:
                self.items.append(dict(kind="ghost", layer=0.5, depth=g["depth"],
                                       parts=g["parts"], bbox=True))

    def shape(self, path, fill=PROP_FILL, stroke=PROP_LINE, width=PROP_PX, layer=0,
              depth=0.0, bbox=True, dash=None, cap="round"):
        self.items.append(dict(kind="plain", layer=layer, depth=depth, path=path, fill=fill,
                               stroke=stroke, width=width, bbox=bbox, dash=dash, cap=cap))

    def solid(self, parts, fill=PROP_FILL, stroke=PROP_LINE, width=PROP_PX, layer=0, depth=0.0,
              bbox=True, top=None):
        """Props drawn as one outlined union (outline pass + fill pass).
        `top` is an optional list of paths stroked after the fill."""
        self.items.append(dict(kind="propsolid", layer=layer, depth=depth, parts=parts,
                               fill=fill, stroke=stroke, width=width, bbox=bbox, top=top or []))

    def floor(self, y=0.0, z=0.0):
        """A floor line across the picture, through the world point
        (0, y, z) (choose z where the feet are when looking down a bit)."""
        self.floor_y = self.cam.p2(V(0, y, z))[1]

    def arrow(self, pts, both=False, layer=3):
        """Arrow along a list of 2-D world points (head at the last)."""
        self.items.append(dict(kind="arrow", layer=layer, depth=0.0, pts=pts, both=both, bbox=True))

    def arrow3(self, pts3, both=False, bend=0.0, layer=3):
        """Arrow through 3-D points (projected). With two points and a bend,
        a quadratic curve is used."""
        from geom import quad_points
        p2 = [self.cam.p2(p) for p in pts3]
        if len(p2) == 2:
            p2 = quad_points(p2[0], p2[1], bend)
        self.arrow(p2, both=both, layer=layer)

    # ------------------------------------------------------------ bbox
    def bbox(self):
        xs, ys = [], []
        for it in self.items:
            if not it.get("bbox", True):
                continue
            paths = []
            if it["kind"] in ("solid", "propsolid", "ghost"):
                paths = it["parts"] if it["kind"] == "propsolid" else [p for p, _ in it["parts"]]
            elif it["kind"] == "plain":
                paths = [it["path"]]
            elif it["kind"] == "arrow":
                for x, y in it["pts"]:
                    xs.append(x)
                    ys.append(y)
            for p in paths:
                for seg in p.segs:
                    if seg[0] == "A":
                        r = seg[1]
                        x, y = seg[4]
                        xs += [x - r, x + r]
                        ys += [y - r, y + r]
                    elif seg[0] != "Z":
                        for q in seg[1:]:
                            xs.append(q[0])
                            ys.append(q[1])
        if self.floor_y is not None and ys:
            ys.append(self.floor_y)
        return min(xs), min(ys), max(xs), max(ys)

    # ------------------------------------------------------------ output
    def svg(self, xf):
        out = []
        out.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                   'viewBox="0 0 %d %d">' % (xf.w, xf.h, xf.w, xf.h))
        out.append("<title>%s</title>" % esc(self.title))
        if self.floor_y is not None:
            _, fy = xf.pt((0, self.floor_y))
            out.append('<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="%s" stroke-width="2.5" '
                       'stroke-linecap="round"/>' % (MARGIN // 2, fmt(fy), xf.w - MARGIN // 2, fmt(fy),
                                                     PROP_LINE))
        items = sorted(enumerate(self.items), key=lambda t: (t[1]["layer"], t[1]["depth"], t[0]))
        group_key = None
        for _, it in items:
            k = it["kind"]
            key = (it["stroke"], it["width"], it["dash"], it["cap"]) if k == "plain" else None
            if key != group_key:
                if group_key is not None:
                    out.append("</g>")
                if key is not None:
                    out.append(plain_group_open(key))
                group_key = key
            if k == "solid":
                out.append(solid_svg(xf, it))
            elif k == "propsolid":
                out.append(propsolid_svg(xf, it))
            elif k == "plain":
                out.append(plain_svg(xf, it))
            elif k == "arrow":
                out.append(arrow_svg(xf, it))
            elif k == "ghost":
                out.append(ghost_svg(xf, it))
        if group_key is not None:
            out.append("</g>")
        out.append("</svg>")
        return "\n".join(out) + "\n"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _merged(xf, paths):
    """One path element's data for several closed shapes. All shapes are
    counter-clockwise, so with the nonzero rule their union is filled."""
    return "".join(xf.path_d(p.ccw()) for p in paths)


def solid_svg(xf, it):
    """A figure group: one outlined silhouette. paint-order="stroke" draws
    the (double width) stroke of the whole union first and the fill on top,
    so only the outer outline shows and joints merge."""
    skin = fig.SKIN_FAR if it["far"] else fig.SKIN
    all_d = _merged(xf, [p for p, _ in it["parts"]])
    hair = [p for p, role in it["parts"] if role == "hair"]
    base = fig.HAIR if hair else skin
    out = '<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" ' \
          'paint-order="stroke"/>' % (all_d, base, fig.INK, fmt(OUTLINE_PX * 2))
    if hair:
        # the head: skin-coloured parts over the hair, except where the hair
        # is meant to be on top (seen from behind)
        roles = [r for _, r in it["parts"]]
        hair_last = roles[-1] == "hair"
        if hair_last:
            # face hidden: draw skin parts below the hair cap only
            skin_parts = [p for p, r in it["parts"] if r != "hair"]
            out = '<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" ' \
                  'paint-order="stroke"/>' % (all_d, skin, fig.INK, fmt(OUTLINE_PX * 2))
            out += '<path d="%s" fill="%s"/>' % (_merged(xf, hair), fig.HAIR)
        else:
            skin_parts = [p for p, r in it["parts"] if r != "hair"]
            out += '<path d="%s" fill="%s"/>' % (_merged(xf, skin_parts), skin)
    dots = [p for kind, p in it.get("marks", []) if kind == "dot"]
    lines = [p for kind, p in it.get("marks", []) if kind == "line"]
    if dots:
        out += '<path d="%s" fill="%s"/>' % (_merged(xf, dots), fig.INK)
    if lines:
        out += ('<path d="%s" fill="none" stroke="%s" stroke-width="2" stroke-linecap="round" '
                'stroke-linejoin="round"/>') % ("".join(xf.path_d(p) for p in lines), fig.INK)
    return out


def ghost_svg(xf, it):
    d = _merged(xf, [p for p, _ in it["parts"]])
    return ('<path d="%s" fill="#FFFFFF" stroke="%s" stroke-width="4" stroke-dasharray="5 4" '
            'paint-order="stroke"/>') % (d, PROP_LINE)


def propsolid_svg(xf, it):
    d = _merged(xf, it["parts"])
    s = '<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" ' \
        'paint-order="stroke"/>' % (d, it["fill"], it["stroke"], fmt(it["width"] * 2))
    for t in it["top"]:
        s += '<path d="%s" fill="none" stroke="%s" stroke-width="%s"/>' % (
            xf.path_d(t), it["stroke"], fmt(it["width"]))
    return s


def plain_group_open(key):
    stroke, width, dash, cap = key
    attrs = []
    if stroke:
        attrs.append('stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="%s"'
                     % (stroke, fmt(width), cap))
    if dash:
        attrs.append('stroke-dasharray="%s"' % dash)
    return "<g %s>" % " ".join(attrs) if attrs else "<g>"


def plain_svg(xf, it):
    return '<path d="%s" fill="%s"/>' % (xf.path_d(it["path"]), it["fill"] or "none")


def arrow_svg(xf, it):
    pts = [xf.pt(p) for p in it["pts"]]
    head_len, head_w, width = 15.0, 14.0, 4.2

    def trim(pts, amount):
        # remove `amount` px of length from the end
        out = list(pts)
        while len(out) > 2 and p_len(p_sub(out[-1], out[-2])) <= amount:
            amount -= p_len(p_sub(out[-1], out[-2]))
            out.pop()
        a, b = out[-2], out[-1]
        seg = p_len(p_sub(b, a))
        t = max(0.0, (seg - amount) / seg) if seg > 0 else 0
        out[-1] = p_add(a, p_mul(p_sub(b, a), t))
        return out

    def head(tip, back):
        dv = p_norm(p_sub(tip, back))
        base = p_sub(tip, p_mul(dv, head_len))
        n = p_perp(dv)
        return [tip, p_add(base, p_mul(n, head_w / 2)), p_sub(base, p_mul(n, head_w / 2))]

    def dir_pt(pts, dist):
        # a point `dist` px back along the polyline from its end
        acc = 0.0
        for i in range(len(pts) - 1, 0, -1):
            seg = p_len(p_sub(pts[i], pts[i - 1]))
            if acc + seg >= dist:
                t = (dist - acc) / seg
                return p_add(pts[i], p_mul(p_sub(pts[i - 1], pts[i]), t))
            acc += seg
        return pts[0]

    heads = [head(pts[-1], dir_pt(pts, head_len))]
    body = trim(pts, head_len - 2)
    if it["both"]:
        rev = pts[::-1]
        heads.append(head(rev[-1], dir_pt(rev, head_len)))
        body = trim(body[::-1], head_len - 2)[::-1]
    # smooth the shaft (points are already in pixels, y down)
    segs = []
    for seg in catmull_open(body).segs:
        if seg[0] == "M":
            segs.append("M%s %s" % (fmt(seg[1][0]), fmt(seg[1][1])))
        elif seg[0] == "C":
            segs.append("C" + " ".join("%s %s" % (fmt(x), fmt(y)) for x, y in seg[1:]))
    d = "".join(segs)
    hs = ["M" + "L".join("%s %s" % (fmt(x), fmt(y)) for x, y in h) + "Z" for h in heads]
    s = ('<g stroke-linecap="round" stroke-linejoin="round">'
         '<path d="%s" fill="none" stroke="#FFFFFF" stroke-width="%s"/>'
         '<path d="%s" fill="#FFFFFF" stroke="#FFFFFF" stroke-width="5"/>'
         '<path d="%s" fill="none" stroke="%s" stroke-width="%s"/>'
         '<path d="%s" fill="%s" stroke="%s" stroke-width="1.5"/></g>') % (
        d, fmt(width + 5), "".join(hs), d, ACCENT, fmt(width), "".join(hs), ACCENT, ACCENT)
    return s


def place(scenes, scale=1.0, anchor="center", dx=0.0, dy=0.0, floor_px=None, name="",
          focus=None, check=True, top=0.0):
    """One transform shared by all scenes of an exercise (so start and end
    line up), fitted so the drawing fills a frame W wide with a MARGIN.

    The frame is W wide and H_MIN to H_MAX tall: a tall drawing (a standing
    figure) fills the height and is centred across, a flat one (lying on a
    mat) fills the width and the frame shrinks to fit, down to 16:9. In a
    frame taller than the drawing, the drawing sits on the bottom margin and
    the spare height is left at the top (the handout's caption label goes
    in the top-left corner). `focus` = (x0, y0, x1, y1) world box to fit instead of
    the drawing's bounds, for close-ups cropped on purpose (`check=False`).
    `top` keeps that many extra pixels free above the drawing, for pictures
    with something that matters (a head) in the top-left corner, where the
    label would cover it. `scale`, `anchor`, `dx`, `dy` and `floor_px` are accepted from older
    poses and ignored: every picture is fitted the same way."""
    boxes = [s.bbox() for s in scenes]
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[2] for b in boxes)
    y1 = max(b[3] for b in boxes)
    fx0, fy0, fx1, fy1 = focus if focus else (x0, y0, x1, y1)
    bw, bh = max(fx1 - fx0, 1.0), max(fy1 - fy0, 1.0)
    s = min((W - 2 * MARGIN) / bw, (H_MAX - 2 * MARGIN - top) / bh)
    h = int(math.ceil(min(H_MAX, max(H_MIN, bh * s + 2 * MARGIN + top))))
    ox = W / 2 - s * (fx0 + fx1) / 2
    if focus:
        oy = (h + top) / 2 + s * (fy0 + fy1) / 2
    else:
        # the drawing rests on the bottom margin; any spare height goes to
        # the top, where the handout puts the picture's caption label
        oy = h - MARGIN + s * fy0
    xf = Xform(s, ox, oy, W, h)
    l, t = xf.pt((x0, y1))
    r, b = xf.pt((x1, y0))
    if check and (l < MARGIN - 4 or r > W - MARGIN + 4 or t < MARGIN - 4 or b > h - MARGIN + 4):
        print("  warning: %s extends to (%.0f, %.0f)-(%.0f, %.0f)" % (name, l, t, r, b))
    return xf
