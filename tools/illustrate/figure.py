"""The human figure: a 3-D skeleton posed by directions / IK, drawn as
rounded limbs (tapered capsules), a smooth torso and an oval head.

A Body is posed in world units (a standing figure is about 322 units tall,
feet on Y = 0). render(camera) returns drawable groups; the scene sorts them
by depth and draws each group as one outlined silhouette (outline pass
then fill pass), so joints inside a group merge smoothly.
"""

import math

from geom import (V, X, Y, capsule, catmull_closed, ellipse_path, circle_path,
                  ik, nlerp, ortho, p_norm, p_perp, p_sub, p_dot, p_len)

# --------------------------------------------------------------- proportions
TORSO = 96.0      # hip-joint centre -> base of neck, along the spine
NECK = 10.5
UPPER_ARM = 58.0
FOREARM = 48.0
HAND = 17.0
THIGH = 82.0
SHIN = 80.0
ANKLE_H = 13.0    # ankle centre above the sole
SHOULDER_W = 27.0  # half distance between shoulder joints
HIP_W = 14.0       # half distance between hip joints
SHOULDER_S = 0.88  # where on the spine the shoulders sit
STAND_HIP = THIGH + SHIN + ANKLE_H  # pelvis height when standing

# torso cross-sections: (s along spine, half width, front depth, back depth)
PROFILE = [
    (-0.17, 22.0, 12.0, 17.0),
    (0.00, 28.5, 16.0, 22.0),
    (0.15, 27.5, 15.5, 19.0),
    (0.35, 24.0, 15.5, 15.0),
    (0.55, 25.5, 19.0, 16.5),
    (0.72, 27.0, 21.5, 17.5),
    (0.86, 27.0, 18.0, 17.0),
    (0.95, 22.0, 12.5, 14.0),
    (1.00, 12.0, 8.0, 8.0),
]

# radii (start, end) of limb capsules
R_UPPER_ARM = (9.8, 8.0, 6.8)
R_FOREARM = (7.0, 7.4, 5.0)
R_HAND = (5.4, 4.6)
R_THIGH = (15.5, 13.0, 9.5)
R_SHIN = (9.0, 10.0, 5.8)
R_NECK = 8.8

# problems found while posing (generate.py prints them with the exercise id)
WARNINGS = []

# palette
INK = "#2F3A40"
SKIN = "#E6EEF0"
SKIN_FAR = "#C8D4D9"
HAIR = "#75838A"
HAIR_FAR = "#75838A"


def limb(P2, a, b, r, tmid=0.33):
    """Two capsules a->m->b with radii r = (start, middle, end)."""
    m = a * (1 - tmid) + b * tmid
    return [(capsule(P2(a), r[0], P2(m), r[1]), "skin"),
            (capsule(P2(m), r[1], P2(b), r[2]), "skin")]


def hand_parts(P2, a):
    """An open hand as one shape: a palm, the fingers together tapering to
    the tips, and the thumb standing off the palm (mitten-like, so palm and
    fingers read as a hand at print size)."""
    W, T, h, t = a["W"], a["T"], a["h"], a["t"]
    knuckles = W + h * (HAND * 0.5)
    return [
        (capsule(P2(W), R_HAND[0], P2(knuckles), R_HAND[0] + 0.8), "skin"),
        (capsule(P2(knuckles), R_HAND[0] + 0.4, P2(T), R_HAND[1] - 0.6), "skin"),
        (capsule(P2(W + h * 2.0 + t * 3.0), 3.4, P2(W + h * 9.0 + t * 8.5), 2.7), "skin"),
    ]


def face_marks(cam, Hc, Uh, Fh, Rh):
    """Eyes (dots) and a nose line on the side of the head facing the viewer,
    so the direction of the face reads in front and three-quarter views.
    In a pure side view the profile shows the nose and only the near eye
    is drawn."""
    view = cam.view_dir()
    facing = Fh.dot(view)
    marks = []
    if facing < -0.15:
        return marks
    for s in (1, -1):
        n = (Fh * 0.86 + Rh * (s * 0.42) + Uh * 0.12).norm()
        if n.dot(view) > 0.2:
            p = Hc + Fh * 14.5 + Rh * (s * 7.0) + Uh * 2.5
            marks.append(("dot", circle_path(cam.p2(p), 2.3)))
    if facing > 0.3:
        brow = Hc + Fh * 16.0 + Uh * 1.0
        tip = Hc + Fh * 21.0 - Uh * 6.5
        base = Hc + Fh * 17.5 - Uh * 8.5
        P2 = cam.p2
        from geom import Path
        marks.append(("line", Path().M(P2(brow)).L(P2(tip)).L(P2(base))))
    return marks


def _interp_profile(s):
    if s <= PROFILE[0][0]:
        return PROFILE[0][1:]
    for (s0, *a), (s1, *b) in zip(PROFILE, PROFILE[1:]):
        if s0 <= s <= s1:
            t = (s - s0) / (s1 - s0)
            return tuple(a[i] * (1 - t) + b[i] * t for i in range(3))
    return PROFILE[-1][1:]


class Body:
    """Pose builder. Call in this order: Body(...), spine(), head(), then
    arm()/arm_to() and leg()/leg_to() for 'L' and 'R'.

    Frames: `up` is the direction of the spine, `fwd` where the chest faces.
    The figure's right side is fwd x up (towards the viewer when facing +X).
    """

    def __init__(self, pelvis, up=Y, fwd=X):
        self.P = pelvis
        self.Up = up.norm()
        self.Fp = ortho(fwd, self.Up)
        self.shoulder_shift = {"L": V(), "R": V()}
        self.arms = {}
        self.legs = {}
        self.merge = None        # which legs merge into the torso outline
        self.far_override = {}   # group name -> True/False for shading
        self.order_bias = {}     # group name -> extra depth
        self.split_hands = ()    # sides whose hand is its own group ("handR")
        self.spine()
        self.head()

    # ------------------------------------------------------------ frames
    @staticmethod
    def right_of(F, U):
        return F.cross(U).norm()

    def spine(self, up=None, fwd=None, lumbar=0.0):
        """Chest frame. The spine direction blends from the pelvis frame to
        the chest frame along its length (giving a smooth curve)."""
        Uc = (up or self.Up).norm()
        Fc = ortho(fwd or self.Fp, Uc)
        self.Uc, self.Fc = Uc, Fc
        steps = 40
        pts = [self.P]
        frames = []
        p = self.P
        for i in range(steps + 1):
            s = i / steps
            u = nlerp(self.Up, Uc, s)
            f = ortho(nlerp(self.Fp, Fc, s), u)
            frames.append((u, f))
            if i < steps:
                um = nlerp(self.Up, Uc, (i + 0.5) / steps)
                p = p + um * (TORSO / steps)
                pts.append(p)
        self._spine_pts = pts
        self._spine_frames = frames
        self.N = pts[-1]
        return self

    def at(self, s):
        """(point, U, F, R) on the spine at s (may be < 0 below pelvis)."""
        if s <= 0:
            u, f = self._spine_frames[0]
            return self.P + self.Up * (s * TORSO), u, f, self.right_of(f, u)
        steps = len(self._spine_pts) - 1
        x = min(s, 1.0) * steps
        i = min(int(x), steps - 1)
        t = x - i
        p = self._spine_pts[i] * (1 - t) + self._spine_pts[i + 1] * t
        u = nlerp(self._spine_frames[i][0], self._spine_frames[i + 1][0], t)
        f = ortho(nlerp(self._spine_frames[i][1], self._spine_frames[i + 1][1], t), u)
        if s > 1.0:
            p = p + u * ((s - 1.0) * TORSO)
        return p, u, f, self.right_of(f, u)

    def shoulder(self, side):
        p, u, f, r = self.at(SHOULDER_S)
        sg = 1 if side == "R" else -1
        sh = self.shoulder_shift[side]
        return p + r * (sg * SHOULDER_W) + f * 2.0 + r * sh.x + f * sh.y + u * sh.z

    def hip(self, side):
        u, f = self.Up, self.Fp
        r = self.right_of(f, u)
        sg = 1 if side == "R" else -1
        return self.P + r * (sg * HIP_W)

    @property
    def Rp(self):
        return self.right_of(self.Fp, self.Up)

    @property
    def Rc(self):
        return self.right_of(self.Fc, self.Uc)

    def shrug(self, side, right=0.0, fwd=0.0, up=0.0):
        """Move a shoulder joint (chest-frame units)."""
        self.shoulder_shift[side] = V(right if side == "R" else -right, fwd, up)
        return self

    def head(self, up=None, fwd=None, neck=None, forward_shift=0.0):
        Uh = (up or self.Uc).norm()
        Fh = ortho(fwd or self.Fc, Uh)
        nd = (neck or nlerp(self.Uc, Uh, 0.5)).norm()
        self.Uh, self.Fh = Uh, Fh
        self.NT = self.N + nd * NECK
        self.Hc = self.NT + Uh * 15.0 + Fh * (3.0 + forward_shift)
        return self

    # ------------------------------------------------------------ limbs
    def arm(self, side, upper, fore, hand=None, style="flat", thumb=None):
        S = self.shoulder(side)
        E = S + upper.norm() * UPPER_ARM
        W = E + fore.norm() * FOREARM
        self._set_arm(side, S, E, W, hand or fore, style, thumb)
        return self

    def arm_to(self, side, wrist, pole, hand=None, style="flat", thumb=None):
        S = self.shoulder(side)
        E, W = ik(S, wrist, UPPER_ARM, FOREARM, pole)
        self._set_arm(side, S, E, W, hand or (W - E), style, thumb)
        return self

    def _set_arm(self, side, S, E, W, hand, style, thumb):
        h = hand.norm()
        if thumb is None:
            # the thumb points forward (a hand hanging at the side) or, when
            # the hand itself points forward, towards the midline (palm down)
            if abs(h.dot(self.Fc)) < 0.8:
                thumb = self.Fc
            else:
                thumb = self.Rc * (-1 if side == "R" else 1)
        self.arms[side] = dict(S=S, E=E, W=W, T=W + h * HAND, h=h, style=style,
                               t=ortho(thumb, h))

    def leg(self, side, thigh, shin, foot=None, foot_up=None):
        H = self.hip(side)
        K = H + thigh.norm() * THIGH
        A = K + shin.norm() * SHIN
        self._set_leg(side, H, K, A, foot, foot_up)
        return self

    def leg_to(self, side, ankle, pole, foot=None, foot_up=None):
        H = self.hip(side)
        short = (ankle - H).len() - THIGH - SHIN
        if ankle.y < 20.0 and short > 3.0:
            # a planted foot the leg cannot reach would float above the floor
            WARNINGS.append("%s foot %.0f units above the floor (out of reach)" % (side, short))
        K, A = ik(H, ankle, THIGH, SHIN, pole)
        self._set_leg(side, H, K, A, foot, foot_up)
        return self

    def _set_leg(self, side, H, K, A, foot, foot_up):
        shin = (A - K).norm()
        planted = A.y < 20.0   # ankle near the floor: keep the sole flat
        if foot is None:
            f = ortho(self.Fp, Y) if planted else ortho(self.Fp, shin)
        else:
            f = foot.norm()
        fu = ortho(foot_up or (Y if planted else -shin), f)
        self.legs[side] = dict(H=H, K=K, A=A, f=f, u=fu)

    def ball_of_foot(self, side):
        """The ball of the foot (where the toes bend), on the sole."""
        lg = self.legs[side]
        return lg["A"] + lg["f"] * 23.0 - lg["u"] * 8.0

    def on_balls(self, side):
        """Heel lifted: draw the toes bent flat on the floor from the ball
        of the foot, instead of the rigid foot pointing down."""
        self.legs[side]["balls"] = True
        return self

    def foot_points(self, side):
        lg = self.legs[side]
        A, f, u = lg["A"], lg["f"], lg["u"]
        heel = A - f * 8.0 - u * 6.5
        toe = A + f * 34.0 - u * 8.5
        instep = A + f * 20.0 - u * 3.5
        return heel, toe, instep

    # ------------------------------------------------------------ moving
    def translate(self, v):
        """Move the whole body (call before or after the limbs)."""
        self.P = self.P + v
        self._spine_pts = [p + v for p in self._spine_pts]
        self.N = self.N + v
        self.NT = self.NT + v
        self.Hc = self.Hc + v
        for a in self.arms.values():
            for k in ("S", "E", "W", "T"):
                a[k] = a[k] + v
        for lg in self.legs.values():
            for k in ("H", "K", "A"):
                lg[k] = lg[k] + v
        return self

    def torso_points(self):
        """3-D points on the torso surface and head (for resting on floors)."""
        pts = []
        for s, *_ in PROFILE:
            c, u, f, r = self.at(s)
            w, df, db = _interp_profile(s)
            for i in range(24):
                th = math.radians(i * 15)
                dd = df if math.sin(th) > 0 else db
                pts.append(c + r * (w * math.cos(th)) + f * (dd * math.sin(th)))
        Rh = self.right_of(self.Fh, self.Uh)
        for i in range(24):
            th = math.radians(i * 15)
            for ax, rr in ((self.Fh, 19.0), (Rh, 16.8)):
                pts.append(self.Hc + ax * (rr * math.cos(th)) + self.Uh * (20.5 * math.sin(th)))
        return pts

    def lowest_y_between(self, s0, s1):
        """Lowest torso surface point for spine positions s0..s1."""
        low = None
        for k in range(9):
            s = s0 + (s1 - s0) * k / 8
            c, u, f, r = self.at(s)
            w, df, db = _interp_profile(s)
            for i in range(24):
                th = math.radians(i * 15)
                dd = df if math.sin(th) > 0 else db
                y = (c + r * (w * math.cos(th)) + f * (dd * math.sin(th))).y
                low = y if low is None else min(low, y)
        return low

    def head_lowest_y(self):
        Rh = self.right_of(self.Fh, self.Uh)
        low = None
        for i in range(36):
            th = math.radians(i * 10)
            for ax, rr in ((self.Fh, 19.0), (Rh, 16.8)):
                y = (self.Hc + ax * (rr * math.cos(th)) + self.Uh * (20.5 * math.sin(th))).y
                low = y if low is None else min(low, y)
        return low

    def lowest_y(self, head=True):
        pts = self.torso_points()
        if not head:
            pts = pts[:len(PROFILE) * 24]
        return min(p.y for p in pts)

    def rest_on(self, floor_y, head=True):
        """Shift vertically so the torso (and head) just touch floor_y."""
        return self.translate(V(0, floor_y - self.lowest_y(head), 0))

    # ------------------------------------------------------------ render
    def render(self, cam):
        """List of group dicts: name, depth, parts [(Path, role)]."""
        P2 = cam.p2
        groups = []

        # torso silhouette --------------------------------------------
        samples = [s for s, *_ in PROFILE]
        left, right = [], []
        cs = []
        for s in samples:
            c, u, f, r = self.at(s)
            w, df, db = _interp_profile(s)
            cs.append((c, u, f, r, w, df, db))
        n = len(cs)
        for k, (c, u, f, r, w, df, db) in enumerate(cs):
            a = P2(cs[max(k - 1, 0)][0])
            b = P2(cs[min(k + 1, n - 1)][0])
            tan = p_sub(b, a)
            if p_len(tan) < 1e-3:
                tan = p_sub(P2(c + u), P2(c))
            nrm = p_perp(p_norm(tan))
            c2 = P2(c)
            best_l = best_r = None
            for i in range(36):
                th = math.radians(i * 10)
                dd = df if math.sin(th) > 0 else db
                q = c + r * (w * math.cos(th)) + f * (dd * math.sin(th))
                q2 = P2(q)
                o = p_dot(p_sub(q2, c2), nrm)
                if best_l is None or o > best_l[0]:
                    best_l = (o, q2)
                if best_r is None or o < best_r[0]:
                    best_r = (o, q2)
            left.append(best_l[1])
            right.append(best_r[1])
        ctop, utop = cs[-1][0], cs[-1][1]
        cbot, ubot = cs[0][0], cs[0][1]
        top = P2(ctop + utop * 3.0)
        bot = P2(cbot - ubot * 5.0)
        outline = left + [top] + right[::-1] + [bot]
        torso_path = catmull_closed(outline)
        neck_path = capsule(P2(self.N - self.Uc * 4.0), R_NECK + 0.5, P2(self.NT), R_NECK)
        spine_depth = sum(cam.depth(c[0]) for c in cs) / n
        torso_parts = [(torso_path, "skin"), (neck_path, "skin")]

        # legs -----------------------------------------------------------
        def leg_parts(side):
            lg = self.legs[side]
            heel, toe, instep = self.foot_points(side)
            sole = [(capsule(P2(heel), 6.0, P2(toe), 4.5), "skin")]
            if lg.get("balls"):
                ball = self.ball_of_foot(side)
                flat = ortho(lg["f"], Y)
                tip = ball + flat * 17.0 + Y * (-0.5)
                sole = [(capsule(P2(heel), 6.0, P2(ball), 5.2), "skin"),
                        (capsule(P2(ball + Y * 0.5), 5.0, P2(tip), 4.3), "skin")]
            return limb(P2, lg["H"], lg["K"], R_THIGH, 0.4) + limb(P2, lg["K"], lg["A"], R_SHIN, 0.3) + [
                (capsule(P2(lg["A"]), 6.5, P2(heel), 6.0), "skin"),
            ] + sole + [
                (capsule(P2(lg["A"]), 6.5, P2(instep), 5.5), "skin"),
            ]

        merge = self.merge
        if merge is None:
            merge = []
            if "L" in self.legs and "R" in self.legs:
                dl = cam.depth(self.hip("L"))
                dr = cam.depth(self.hip("R"))
                if abs(dl - dr) < 8:
                    merge = ["L", "R"]
                else:
                    merge = ["R"] if dr > dl else ["L"]
        for side in ("L", "R"):
            if side not in self.legs:
                continue
            lg = self.legs[side]
            parts = leg_parts(side)
            if side in merge:
                torso_parts = parts + torso_parts
            else:
                dep = sum(cam.depth(lg[k]) for k in ("H", "K", "A")) / 3 - 3
                groups.append(dict(name="leg" + side, depth=dep, parts=parts))

        groups.append(dict(name="torso", depth=spine_depth, parts=torso_parts))

        # arms -----------------------------------------------------------
        for side in ("L", "R"):
            if side not in self.arms:
                continue
            a = self.arms[side]
            parts = limb(P2, a["S"], a["E"], R_UPPER_ARM, 0.3) + limb(P2, a["E"], a["W"], R_FOREARM, 0.3)
            if a["style"] == "fist":
                fc = a["W"] + a["h"] * 6.0
                hand = [(circle_path(P2(fc), 7.2), "skin")]
            else:
                fc = (a["W"] + a["T"]) * 0.5
                hand = hand_parts(P2, a)
            dep = sum(cam.depth(a[k]) for k in ("S", "E", "W", "T")) / 4 + 3
            if side in self.split_hands:
                # the hand and the end of the forearm as their own outlined
                # shape, so they can be drawn in front of a limb that the
                # rest of the arm passes behind
                m = a["W"] + (a["E"] - a["W"]) * 0.4
                hand.insert(0, (capsule(P2(m), R_FOREARM[1] - 0.8, P2(a["W"]), R_FOREARM[2]), "skin"))
                groups.append(dict(name="hand" + side, depth=cam.depth(fc) + 3, parts=hand))
            else:
                parts += hand
            groups.append(dict(name="arm" + side, depth=dep, parts=parts))

        # head -----------------------------------------------------------
        Hc, Uh, Fh = self.Hc, self.Uh, self.Fh
        Rh = self.right_of(Fh, Uh)

        def ellipsoid(c, rf, ru, rr):
            vs = [cam.rot(Fh * rf), cam.rot(Uh * ru), cam.rot(Rh * rr)]
            a = sum(v[0] * v[0] for v in vs)
            b = sum(v[0] * v[1] for v in vs)
            cc = sum(v[1] * v[1] for v in vs)
            tr = (a + cc) / 2
            dd = math.sqrt(max(0.0, ((a - cc) / 2) ** 2 + b * b))
            l1, l2 = tr + dd, max(tr - dd, 1.0)
            ang = math.degrees(0.5 * math.atan2(2 * b, a - cc))
            return ellipse_path(P2(c), math.sqrt(l1), math.sqrt(l2), ang)

        hair = ellipsoid(Hc + Uh * 2.2 - Fh * 3.2, 19.0, 20.5, 16.8)
        cranium = ellipsoid(Hc, 18.0, 20.0, 15.8)
        jaw = capsule(P2(Hc - Uh * 5.0 + Fh * 2.0), 10.5, P2(Hc + Fh * 9.5 - Uh * 15.5), 5.5)
        prof = [(14.5, 9.0), (17.6, 2.0), (20.2, -4.6), (17.6, -7.2), (17.4, -11.0),
                (16.4, -16.2), (12.0, -20.2), (4.0, -18.0), (0.0, -6.0)]
        face = catmull_closed([P2(Hc + Fh * f + Uh * u) for f, u in prof])
        facing = Fh.dot(cam.view_dir())
        if facing < -0.35:   # seen from behind: hair on top
            head_parts = [(jaw, "skin"), (cranium, "skin"), (face, "skin"), (hair, "hair")]
        else:
            head_parts = [(hair, "hair"), (jaw, "skin"), (face, "skin"), (cranium, "skin")]
        groups.append(dict(name="head", depth=cam.depth(Hc) + 2, parts=head_parts,
                           marks=face_marks(cam, Hc, Uh, Fh, Rh)))

        # shading: limbs of the side turned away from the viewer are drawn
        # darker; in front / back views no limb is shaded
        rv = self.Rp.dot(cam.view_dir())
        far_side = "L" if rv > 0.45 else ("R" if rv < -0.45 else None)
        near_side = {"L": "R", "R": "L"}.get(far_side)
        for g in groups:
            if far_side and g["name"] in ("arm" + far_side, "leg" + far_side, "hand" + far_side):
                g["depth"] = min(g["depth"], spine_depth - 40)
            if near_side and g["name"] in ("arm" + near_side, "leg" + near_side,
                                           "hand" + near_side):
                g["depth"] = max(g["depth"], spine_depth + 5)
            g["depth"] += self.order_bias.get(g["name"], 0.0)
            far = far_side is not None and g["name"] in ("arm" + far_side, "leg" + far_side,
                                                         "hand" + far_side)
            far = self.far_override.get(g["name"], far)
            g["far"] = far
        return groups
