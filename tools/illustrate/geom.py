"""Small 3-D vector maths, an orthographic camera and 2-D path helpers.

Everything here is plain Python (standard library only).

World axes used by every pose:
    X  the figure's "forward" in side views (image right when yaw = 0)
    Y  up (the floor is the plane Y = 0)
    Z  towards the viewer when yaw = pitch = 0
"""

import math


class V:
    """A 3-D vector (also used for points)."""

    __slots__ = ("x", "y", "z")

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x, self.y, self.z = float(x), float(y), float(z)

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, s):
        return V(self.x * s, self.y * s, self.z * s)

    __rmul__ = __mul__

    def __truediv__(self, s):
        return V(self.x / s, self.y / s, self.z / s)

    def __neg__(self):
        return V(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return V(self.y * o.z - self.z * o.y,
                 self.z * o.x - self.x * o.z,
                 self.x * o.y - self.y * o.x)

    def len(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        n = self.len()
        return self / n if n > 1e-9 else V(0, 0, 0)

    def __repr__(self):
        return "V(%.1f, %.1f, %.1f)" % (self.x, self.y, self.z)


X = V(1, 0, 0)
Y = V(0, 1, 0)
Z = V(0, 0, 1)


def d(x, y, z=0.0):
    """A unit direction."""
    return V(x, y, z).norm()


def rad(a):
    return math.radians(a)


def polar(a, b_axis, c_axis, deg):
    """Unit vector at `deg` degrees from axis b towards axis c."""
    r = rad(deg)
    return (b_axis * math.cos(r) + c_axis * math.sin(r)).norm()


def sag(deg, side=0.0):
    """Direction in the X-Y plane: 0 = forward (+X), 90 = up, -90 = down.
    `side` adds a Z component (towards the viewer) before normalising."""
    r = rad(deg)
    return V(math.cos(r), math.sin(r), side).norm()


def rotate(v, axis, deg):
    """Rotate v about a unit axis (right-hand rule)."""
    k = axis.norm()
    r = rad(deg)
    c, s = math.cos(r), math.sin(r)
    return v * c + k.cross(v) * s + k * (k.dot(v) * (1 - c))


def nlerp(a, b, t):
    return (a * (1 - t) + b * t).norm()


def lerp(a, b, t):
    return a * (1 - t) + b * t


def ortho(v, ref):
    """v made perpendicular to unit ref, normalised."""
    return (v - ref * v.dot(ref)).norm()


def ik(root, target, l1, l2, pole):
    """Two-bone inverse kinematics. Returns (mid, end). The middle joint
    bends towards `pole` (a direction)."""
    dv = target - root
    dist = dv.len()
    axis = dv.norm()
    dist = max(abs(l1 - l2) + 1e-3, min(dist, l1 + l2 - 1e-3))
    a = (l1 * l1 - l2 * l2 + dist * dist) / (2 * dist)
    h = math.sqrt(max(0.0, l1 * l1 - a * a))
    p = ortho(pole, axis)
    mid = root + axis * a + p * h
    end = root + axis * dist
    return mid, end


class Camera:
    """Orthographic camera: yaw about Y, then pitch about X (pitch > 0 looks
    down from above). project() returns (x, y, depth) with y up and larger
    depth = nearer the viewer."""

    def __init__(self, yaw=0.0, pitch=0.0):
        self.yaw, self.pitch = yaw, pitch
        self.cy, self.sy = math.cos(rad(yaw)), math.sin(rad(yaw))
        self.cp, self.sp = math.cos(rad(pitch)), math.sin(rad(pitch))

    def rot(self, p):
        x1 = p.x * self.cy + p.z * self.sy
        z1 = -p.x * self.sy + p.z * self.cy
        y2 = p.y * self.cp - z1 * self.sp
        z2 = p.y * self.sp + z1 * self.cp
        return x1, y2, z2

    def project(self, p):
        return self.rot(p)

    def p2(self, p):
        x, y, _ = self.rot(p)
        return (x, y)

    def depth(self, p):
        return self.rot(p)[2]

    def view_dir(self):
        """Unit world vector pointing from the scene towards the viewer."""
        return V(-self.cp * self.sy, self.sp, self.cp * self.cy)


# ---------------------------------------------------------------- 2-D helpers

def p_add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def p_sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def p_mul(a, s):
    return (a[0] * s, a[1] * s)


def p_len(a):
    return math.hypot(a[0], a[1])


def p_norm(a):
    n = p_len(a)
    return (a[0] / n, a[1] / n) if n > 1e-9 else (0.0, 0.0)


def p_perp(a):
    """Left normal (counter-clockwise, y up)."""
    return (-a[1], a[0])


def p_dot(a, b):
    return a[0] * b[0] + a[1] * b[1]


class Path:
    """A 2-D path in world-image units (y up). Segments:
    ('M', p) ('L', p) ('C', c1, c2, p) ('A', r, large, sweep, p) ('Z',)
    sweep uses SVG's meaning *after* the y flip is applied on output, so
    it is given here in y-up terms: sweep=1 means counter-clockwise."""

    def __init__(self):
        self.segs = []

    def M(self, p):
        self.segs.append(("M", p))
        return self

    def L(self, p):
        self.segs.append(("L", p))
        return self

    def C(self, c1, c2, p):
        self.segs.append(("C", c1, c2, p))
        return self

    def A(self, r, large, ccw, p):
        self.segs.append(("A", r, large, ccw, p))
        return self

    def Z(self):
        self.segs.append(("Z",))
        return self

    def reversed(self):
        """The same closed outline traversed the other way."""
        pts = []      # end point of each drawing segment, in order
        segs = []
        start = None
        for sg in self.segs:
            if sg[0] == "M":
                start = sg[1]
                pts.append(sg[1])
            elif sg[0] == "L":
                segs.append(sg)
                pts.append(sg[1])
            elif sg[0] == "C":
                segs.append(sg)
                pts.append(sg[3])
            elif sg[0] == "A":
                segs.append(sg)
                pts.append(sg[4])
        if start is not None and pts[-1] != start:
            segs.append(("L", start))
            pts.append(start)
        out = Path().M(pts[-1])
        for i in range(len(segs) - 1, -1, -1):
            sg, prev = segs[i], pts[i]
            if sg[0] == "L":
                out.L(prev)
            elif sg[0] == "C":
                out.C(sg[2], sg[1], prev)
            else:
                out.A(sg[1], sg[2], 1 - sg[3], prev)
        return out.Z()

    def ccw(self):
        """This path oriented counter-clockwise (y up). Paths with arcs are
        built counter-clockwise already; others are checked by area."""
        if any(sg[0] == "A" for sg in self.segs):
            return self
        pts = self.points()
        area = 0.0
        for i in range(len(pts)):
            x0, y0 = pts[i - 1]
            x1, y1 = pts[i]
            area += x0 * y1 - x1 * y0
        return self if area >= 0 else self.reversed()

    def points(self):
        out = []
        for s in self.segs:
            if s[0] in ("M", "L"):
                out.append(s[1])
            elif s[0] == "C":
                out.extend([s[1], s[2], s[3]])
            elif s[0] == "A":
                out.append(s[4])
        return out


def catmull_closed(pts, tension=1.0):
    """Closed smooth path through points (Catmull-Rom -> cubic Bezier)."""
    n = len(pts)
    path = Path().M(pts[0])
    k = tension / 6.0
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        path.C(c1, c2, p2)
    return path.Z()


def catmull_open(pts, tension=1.0):
    n = len(pts)
    path = Path().M(pts[0])
    k = tension / 6.0
    for i in range(n - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < n else pts[i + 1]
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        path.C(c1, c2, p2)
    return path


def capsule(c1, r1, c2, r2):
    """Tapered capsule outline: two circles joined by their outer tangents."""
    dv = p_sub(c2, c1)
    dist = p_len(dv)
    if dist <= abs(r1 - r2) + 0.01:
        c, r = (c1, r1) if r1 >= r2 else (c2, r2)
        return circle_path(c, r)
    u = p_mul(dv, 1.0 / dist)
    n = p_perp(u)
    cos_t = (r1 - r2) / dist
    sin_t = math.sqrt(max(0.0, 1 - cos_t * cos_t))
    e_a = p_add(p_mul(u, cos_t), p_mul(n, sin_t))   # left side
    e_b = p_add(p_mul(u, cos_t), p_mul(n, -sin_t))  # right side
    a1 = p_add(c1, p_mul(e_a, r1))
    a2 = p_add(c2, p_mul(e_a, r2))
    b2 = p_add(c2, p_mul(e_b, r2))
    b1 = p_add(c1, p_mul(e_b, r1))
    # around c2 from a2 to b2 passing the far end: clockwise in y-up
    large2 = 1 if cos_t < 0 else 0
    large1 = 1 - large2
    # counter-clockwise (y up), like every closed shape here
    path = Path().M(b1).L(b2).A(r2, large2, 1, a2).L(a1).A(r1, large1, 1, b1).Z()
    return path


def circle_path(c, r):
    p = Path()
    p.M((c[0] + r, c[1]))
    p.A(r, 1, 1, (c[0] - r, c[1]))
    p.A(r, 1, 1, (c[0] + r, c[1]))
    return p.Z()


def ellipse_path(c, rx, ry, ang_deg):
    """Ellipse as four cubic Beziers. ang_deg rotates the rx axis (y up)."""
    k = 0.5522847498
    a = rad(ang_deg)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux

    def pt(x, y):
        return (c[0] + ux * x + vx * y, c[1] + uy * x + vy * y)

    pts = [(rx, 0), (0, ry), (-rx, 0), (0, -ry)]
    ctrl = [((rx, k * ry), (k * rx, ry)),
            ((-k * rx, ry), (-rx, k * ry)),
            ((-rx, -k * ry), (-k * rx, -ry)),
            ((k * rx, -ry), (rx, -k * ry))]
    p = Path().M(pt(*pts[0]))
    for i in range(4):
        (c1, c2) = ctrl[i]
        p.C(pt(*c1), pt(*c2), pt(*pts[(i + 1) % 4]))
    return p.Z()


def quad_points(a, b, bend, n=16):
    """Points along a quadratic curve from a to b; bend > 0 bows to the
    left of the direction a->b, as a fraction of the chord length."""
    mid = p_mul(p_add(a, b), 0.5)
    ch = p_sub(b, a)
    ctrl = p_add(mid, p_mul(p_perp(ch), bend * 2))
    out = []
    for i in range(n + 1):
        t = i / n
        x = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * ctrl[0] + t * t * b[0]
        y = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * ctrl[1] + t * t * b[1]
        out.append((x, y))
    return out


def arc_points(c, rx, ry, a0, a1, rot=0.0, n=24):
    """Points along an elliptic arc from angle a0 to a1 (degrees, y up)."""
    out = []
    cr, sr = math.cos(rad(rot)), math.sin(rad(rot))
    for i in range(n + 1):
        t = rad(a0 + (a1 - a0) * i / n)
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((c[0] + x * cr - y * sr, c[1] + x * sr + y * cr))
    return out
