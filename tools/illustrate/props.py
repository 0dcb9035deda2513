"""Props (mat, wall, chair, door, table, band, strap, foam roller, pillow)
built from 3-D boxes, cylinders and lines and projected with the scene's
camera. All props use the grey prop palette."""

import math

from geom import V, X, Y, Path, ortho, p_dot, p_sub, p_perp, p_norm, catmull_open, ellipse_path
from scene import PROP_FILL, PROP_FILL_DARK, PROP_LINE, PROP_PX

BAND = "#8C979D"


def _poly(pts):
    p = Path().M(pts[0])
    for q in pts[1:]:
        p.L(q)
    return p.Z()


def box(scene, lo, hi, layer=0, depth=None, fill=PROP_FILL, side_fill=PROP_FILL_DARK,
        bbox=True, width=PROP_PX):
    """Axis-aligned box from corner lo to corner hi (3-D)."""
    cam = scene.cam
    x = (lo.x, hi.x)
    y = (lo.y, hi.y)
    z = (lo.z, hi.z)

    def c(i, j, k):
        return V(x[i], y[j], z[k])

    faces = [  # (outward normal, corners)
        (V(-1, 0, 0), [c(0, 0, 0), c(0, 1, 0), c(0, 1, 1), c(0, 0, 1)]),
        (V(1, 0, 0), [c(1, 0, 0), c(1, 0, 1), c(1, 1, 1), c(1, 1, 0)]),
        (V(0, -1, 0), [c(0, 0, 0), c(0, 0, 1), c(1, 0, 1), c(1, 0, 0)]),
        (V(0, 1, 0), [c(0, 1, 0), c(1, 1, 0), c(1, 1, 1), c(0, 1, 1)]),
        (V(0, 0, -1), [c(0, 0, 0), c(1, 0, 0), c(1, 1, 0), c(0, 1, 0)]),
        (V(0, 0, 1), [c(0, 0, 1), c(0, 1, 1), c(1, 1, 1), c(1, 0, 1)]),
    ]
    center = (lo + hi) * 0.5
    dep = cam.depth(center) if depth is None else depth
    for n, corners in faces:
        nz = cam.rot(n)[2]
        if nz <= 1e-4:
            continue
        proj = [cam.p2(q) for q in corners]
        f = fill if (n.y > 0.5 or nz > 0.7) else side_fill
        scene.shape(_poly(proj), fill=f, stroke=PROP_LINE, width=width, layer=layer,
                    depth=dep, bbox=bbox)


def floor_mat(scene, x0, x1, z0=-45.0, z1=45.0, t=4.0, layer=0):
    """A thin exercise mat lying on the floor (top at y = t)."""
    box(scene, V(x0, 0, z0), V(x1, t, z1), layer=layer, depth=-1000)


def wall(scene, x0, x1, z0, z1, height=420.0, layer=0, bbox=False):
    box(scene, V(x0, 0, z0), V(x1, height, z1), layer=layer, depth=-1000, bbox=bbox)


def chair(scene, x=0.0, z=0.0, facing="+x", seat=82.0, back=True, layer=0, depth=None,
          back_h=175.0, width=56.0, seat_d=54.0, legs=True):
    """A plain chair for a sitter whose pelvis is near (x, z) and who faces
    `facing` ('+x', '-x', '+z' or '-z'). The backrest is behind the sitter."""
    sgn = 1.0 if facing[0] == "+" else -1.0
    along_x = facing[1] == "x"

    def bx(f0, f1, y0, y1, s0, s1):
        # local (forward f, up y, side s) -> world axis-aligned box
        f0, f1 = sorted((f0 * sgn, f1 * sgn))
        if along_x:
            lo, hi = V(x + f0, y0, z + s0), V(x + f1, y1, z + s1)
        else:
            lo, hi = V(x + s0, y0, z + f0), V(x + s1, y1, z + f1)
        box(scene, lo, hi, layer=layer, depth=depth)

    hw = width / 2
    fb = -30.0            # back edge (local forward coordinate)
    ff = fb + seat_d      # front edge
    leg = 4.0
    if legs:
        for lf in (fb + 3, ff - 3):
            for ls in (-hw + 3, hw - 3):
                bx(lf - leg / 2, lf + leg / 2, 0, seat - 6, ls - leg / 2, ls + leg / 2)
    bx(fb, ff, seat - 6, seat, -hw, hw)
    if back:
        for ls in (-hw + 3, hw - 3):
            bx(fb - 5, fb, seat, back_h, ls - 2.5, ls + 2.5)
        bx(fb - 5.5, fb + 0.5, back_h - 48, back_h, -hw, hw)


def table(scene, x0, x1, z0, z1, h=150.0, layer=0, bbox=True):
    t = 7.0
    box(scene, V(x0, h - t, z0), V(x1, h, z1), layer=layer, bbox=bbox)
    for lx in (x0 + 4, x1 - 10):
        for lz in (z0 + 4, z1 - 10):
            box(scene, V(lx, 0, lz), V(lx + 6, h - t, lz + 6), layer=layer, bbox=bbox)


def cylinder(scene, p0, p1, r, layer=0, depth=None, fill=PROP_FILL, end_fill=PROP_FILL_DARK):
    """A solid cylinder (foam roller, pillow roll)."""
    cam = scene.cam
    a = (p1 - p0).norm()
    e1 = ortho(Y if abs(a.y) < 0.9 else X, a)
    e2 = a.cross(e1).norm()

    def ring(c):
        return [cam.p2(c + e1 * (r * math.cos(t)) + e2 * (r * math.sin(t)))
                for t in [i * math.pi / 18 for i in range(36)]]

    r0, r1 = ring(p0), ring(p1)
    c0, c1 = cam.p2(p0), cam.p2(p1)
    ax = p_sub(c1, c0)
    if abs(ax[0]) + abs(ax[1]) < 1e-6:
        n = (0.0, 1.0)
    else:
        n = p_perp(p_norm(ax))
    top0 = max(r0, key=lambda q: p_dot(q, n))
    bot0 = min(r0, key=lambda q: p_dot(q, n))
    top1 = max(r1, key=lambda q: p_dot(q, n))
    bot1 = min(r1, key=lambda q: p_dot(q, n))
    near_is_1 = cam.rot(a)[2] > 0
    back_ring, front_ring = (r0, r1) if near_is_1 else (r1, r0)
    body = _poly([top0, top1, bot1, bot0])
    front = _poly(front_ring)
    dep = cam.depth((p0 + p1) * 0.5) if depth is None else depth
    scene.solid([_poly(back_ring), body, front], fill=fill, layer=layer, depth=dep,
                top=[front])
    scene.shape(front, fill=end_fill, stroke=PROP_LINE, width=PROP_PX, layer=layer, depth=dep + 0.01)


def band(scene, pts3, layer=2, width=4.5, depth=0.0, smooth=True):
    """An elastic band / strap through 3-D points."""
    pts = [scene.cam.p2(p) for p in pts3]
    path = catmull_open(pts, 0.8) if smooth and len(pts) > 2 else _open(pts)
    scene.shape(path, fill=None, stroke=BAND, width=width, layer=layer, depth=depth)


def _open(pts):
    p = Path().M(pts[0])
    for q in pts[1:]:
        p.L(q)
    return p


def anchor(scene, p3, layer=2, depth=0.0):
    """Small knot where a band is fixed."""
    c = scene.cam.p2(p3)
    scene.shape(ellipse_path(c, 5.5, 5.5, 0), fill=BAND, stroke=BAND, width=1.0, layer=layer,
                depth=depth)


def pillow(scene, c, length=70.0, h=14.0, depth_z=40.0, layer=0, slab=False):
    """A soft pillow: a rounded slab centred at c (3-D), long along X.
    By default only its outline in the X-Y plane is drawn (right for side
    views). With slab=True it is drawn as a cushion with a top face, for
    cameras that look down on it."""
    cam = scene.cam
    from geom import catmull_closed
    if not slab:
        pts = []
        for i in range(24):
            t = 2 * math.pi * i / 24
            ct, st = math.cos(t), math.sin(t)
            # superellipse-ish outline in the X-Y plane
            x = length / 2 * math.copysign(abs(ct) ** 0.6, ct)
            y = h / 2 * math.copysign(abs(st) ** 0.8, st)
            pts.append(cam.p2(V(c.x + x, c.y + y, c.z)))
        scene.shape(catmull_closed(pts), fill=PROP_FILL, stroke=PROP_LINE, width=PROP_PX,
                    layer=layer, depth=cam.depth(c))
        return

    def ring(y, shrink):
        out = []
        for i in range(32):
            t = 2 * math.pi * i / 32
            ct, st = math.cos(t), math.sin(t)
            x = (length / 2 - shrink) * math.copysign(abs(ct) ** 0.5, ct)
            z = (depth_z / 2 - shrink) * math.copysign(abs(st) ** 0.5, st)
            out.append(cam.p2(V(c.x + x, y, c.z + z)))
        return out

    top = ring(c.y + h / 2, 3.0)
    mid = ring(c.y, 0.0)
    bottom = ring(c.y - h / 2, 3.0)
    hull = _hull(top + mid + bottom)
    dep = cam.depth(c)
    scene.shape(catmull_closed(hull, tension=0.5), fill=PROP_FILL_DARK, stroke=PROP_LINE,
                width=PROP_PX, layer=layer, depth=dep)
    scene.shape(catmull_closed(top), fill=PROP_FILL, stroke=PROP_LINE, width=PROP_PX,
                layer=layer, depth=dep + 0.01)


def _hull(pts):
    """Convex hull of 2-D points, counter-clockwise (monotone chain)."""
    pts = sorted(set((round(x, 6), round(y, 6)) for x, y in pts))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
