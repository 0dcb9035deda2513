"""One function per exercise. Each takes `end` (False = start position,
True = end / hold position) and returns a Scene.

World conventions (see geom.py): Y is up, the floor is Y = 0, a side view
(yaw 0) looks along -Z, so a figure facing +X shows its RIGHT side to the
viewer; a figure facing +Z (towards the viewer) has its right side on the
image left. Lengths are in figure units (standing figure ~322 tall).
"""

import math

from geom import V, X, Y, Z, d, sag, rotate, nlerp, ortho, arc_points, catmull_closed
from figure import Body, STAND_HIP, HIP_W, THIGH, SHIN, UPPER_ARM, FOREARM, TORSO
from scene import Scene
import props

REGISTRY = []
MAT = 4.0  # mat thickness


def exercise(region, ex_id, start_title, end_title, scale=1.0, anchor="center", dx=0.0,
             dy=0.0, focus=None, check=True, top=0.0):
    def deco(fn):
        REGISTRY.append(dict(region=region, id=ex_id, titles=(start_title, end_title), fn=fn,
                             scale=scale, anchor=anchor, dx=dx, dy=dy, focus=focus, check=check,
                             top=top))
        return fn
    return deco


def arrow(sc, a, b, bend=0.25, off=V(), both=False):
    """Curved arrow between two 3-D points (optionally offset)."""
    sc.arrow3([a + off, b + off], bend=bend, both=both)


def rot_about(p, pivot, axis, deg):
    return pivot + rotate(p - pivot, axis, deg)


# ============================================================ batch 1

@exercise("hip", "clamshell",
          "Clamshell start: lying on the left side, hips and knees bent, feet together",
          "Clamshell finish: top knee lifted, feet still together", scale=1.25)
def clamshell(end):
    sc = Scene(14, 34)
    props.floor_mat(sc, -170, 168, -40, 85)
    # lying on the left side, head to the image right, facing the viewer
    b = Body(V(0, 60, 0), up=X, fwd=Z)
    b.head(up=d(1, 0.12, 0), fwd=Z)
    b.rest_on(MAT, head=False)
    b.shrug("L", right=-10.0)                     # bottom shoulder tucked in
    b.arm("L", d(1, -0.1, 0.1), d(0.3, 0, 1), hand=d(-0.2, 0, 1))
    sh = b.shoulder("R")
    b.arm_to("R", V(sh.x - 30, MAT + 6, 50), pole=d(0.3, 1, 0.3), hand=d(-0.3, 0, 1))
    thigh = d(-1, 0, 1)
    shin = d(-1, 0, -0.9)
    b.leg("L", thigh, shin, foot=d(-0.5, 0, 0.3))
    ankle_top = b.legs["L"]["A"] + Y * 14.0
    b.leg_to("R", ankle_top, pole=d(0, 0, 1), foot=d(-0.5, 0.1, 0.3))
    if end:
        lg = b.legs["R"]
        axis = (lg["A"] - lg["H"]).norm()
        k0 = lg["K"]
        lg["K"] = rot_about(k0, lg["H"], axis, -38)
        if lg["K"].y < k0.y:
            lg["K"] = rot_about(k0, lg["H"], axis, 38)
    b.merge = []
    b.order_bias["legL"] = -200
    sc.body(b)
    if end:
        k1 = b.legs["R"]["K"]
        arrow(sc, k0 + V(-26, -4, 12), k1 + V(-26, 6, 12), bend=0.35)
    return sc


def solve(f, lo, hi, target, n=40):
    """Bisection: x in [lo, hi] with f(x) = target (f monotonic)."""
    flo = f(lo) - target
    for _ in range(n):
        mid = (lo + hi) / 2
        fm = f(mid) - target
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def side_lying_left(b_pelvis_y=60.0):
    """Body lying on its left side, head to +X, facing the viewer (+Z),
    head resting on the bottom arm, top hand on the mat in front."""
    b = Body(V(0, b_pelvis_y, 0), up=X, fwd=Z)
    b.head(up=d(1, 0.12, 0), fwd=Z)
    b.rest_on(MAT, head=False)
    b.shrug("L", right=-10.0)
    b.arm("L", d(1, -0.1, 0.1), d(0.3, 0, 1), hand=d(-0.2, 0, 1))
    sh = b.shoulder("R")
    b.arm_to("R", V(sh.x - 30, MAT + 6, 50), pole=d(0.3, 1, 0.3), hand=d(-0.3, 0, 1))
    return b


@exercise("hip", "side-lying-hip-abduction",
          "Side-lying hip abduction start: lying on the left side, bottom knee bent, top leg straight",
          "Side-lying hip abduction finish: straight top leg lifted toward the ceiling", scale=1.15)
def side_lying_hip_abduction(end):
    sc = Scene(8, 18)
    props.floor_mat(sc, -200, 168, -40, 85)
    b = side_lying_left()
    b.leg("L", d(-1, 0, 1), d(-1, 0, -0.9), foot=d(-0.5, 0, 0.3))
    if end:
        b.leg("R", d(-1, 0.5, -0.08), d(-1, 0.5, -0.08), foot=d(-0.15, 0.05, 1))
    else:
        b.leg("R", d(-1, -0.16, -0.05), d(-1, -0.16, -0.05), foot=d(-0.15, -0.1, 1))
    b.order_bias["legL"] = -200
    b.merge = []
    sc.body(b)
    if end:
        a1 = b.legs["R"]["A"]
        h = b.legs["R"]["H"]
        a0 = h + d(-1, -0.16, -0.05) * (THIGH + SHIN)
        arrow(sc, a0 + V(-30, 6, 0), a1 + V(-34, -4, 0), bend=-0.22)
    return sc


@exercise("hip", "glute-bridge",
          "Glute bridge start: lying on the back, knees bent, feet flat, arms at the sides",
          "Glute bridge finish: hips lifted in a straight line from knees to shoulders",
          scale=1.3)
def glute_bridge(end):
    sc = Scene(0, 10)
    props.floor_mat(sc, -150, 150, -45, 45)
    ankles_x = 100.0
    if not end:
        b = Body(V(0, 40, 0), up=-X, fwd=Y)
        b.head(up=-X, fwd=Y)
        b.rest_on(MAT)
    else:
        th = 27.0
        U = d(-1, -0.0, 0)
        U = rotate(-X, Z, th)          # spine runs down towards the head
        N = V(-TORSO, 30, 0)
        b = Body(N - U * TORSO, up=U, fwd=ortho(Y, U))
        b.head(up=-X, fwd=Y, neck=d(-1, -0.25, 0))
        b.rest_on(MAT)
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        b.arm_to(side, V(sh.x + 98, MAT + 6, zz * 36), pole=Y, hand=X)
        b.leg_to(side, V(ankles_x, MAT + 13, zz * 16), pole=Y, foot=X)
    sc.body(b)
    if end:
        p = b.P
        arrow(sc, V(p.x + 4, 60, 30), V(p.x + 4, 118, 30), bend=0.0)
    return sc


@exercise("hip", "standing-it-band-stretch",
          "Standing IT band stretch start: right side near a wall, right hand on the wall",
          "Standing IT band stretch hold: right leg crossed behind the left, right hip pushed toward the wall",
          scale=0.98, anchor="floor")
def standing_it_band_stretch(end):
    sc = Scene(-15, 4)
    props.box(sc, V(-150, 0, -140), V(-118, 420, 140), bbox=False, depth=-1000)
    sc.floor(0)
    # facing the viewer: the figure's right side is -X (image left)
    if end:
        b = Body(V(-22, STAND_HIP - 19, 0), up=d(0.22, 1, 0), fwd=Z)
        b.spine(up=d(0.1, 1, 0))
        b.head(up=d(0.02, 1, 0))
        b.leg_to("L", V(10, 13, 0), pole=Z, foot=d(0.2, 0, 1))
        b.leg_to("R", V(34, 13, -16), pole=Z, foot=d(0.1, 0, 1))
        b.arm_to("R", V(-117 + 7, 262, 0), pole=d(0, -1, -0.3), hand=d(0, 1, 0.3))
    else:
        b = Body(V(0, STAND_HIP, 0), up=Y, fwd=Z)
        b.leg("L", -Y, -Y, foot=d(0.15, 0, 1))
        b.leg("R", -Y, -Y, foot=d(-0.15, 0, 1))
        b.arm_to("R", V(-117 + 7, 262, 0), pole=d(0, -1, -0.3), hand=d(0, 1, 0.3))
    hip = b.hip("L")
    b.arm_to("L", hip + V(24, 18, 4), pole=d(1, 0, -0.4), hand=d(-0.3, -1, 0.3))
    if end:
        b.merge = ["L"]                  # the right leg crosses behind
        b.order_bias["legR"] = -100
        b.far_override["legR"] = True
    else:
        b.merge = ["L", "R"]
    b.far_override["armR"] = False
    sc.body(b)
    if end:
        y = STAND_HIP + 5
        arrow(sc, V(75, y, 30), V(20, y, 30), bend=0.0)
    return sc


@exercise("hip", "foam-roll-lateral-thigh",
          "Foam roll outer thigh start: lying on the right side on the right forearm, roller under the outer thigh just below the hip, top foot flat on the floor in front",
          "Foam roll outer thigh: body moved along the roller so it is just above the knee",
          top=44)
def foam_roll_lateral_thigh(end):
    # seen from the front (the figure faces the viewer), head to the image
    # left: the bottom (right) leg lies on the roller, the top leg crosses
    # in front with its foot flat on the floor
    sc = Scene(-8, 12)
    props.floor_mat(sc, -200, 190, -45, 80)
    xr, rr = 0.0, 17.0
    props.cylinder(sc, V(xr, MAT + rr, -40), V(xr, MAT + rr, 40), rr, layer=1, depth=-60)
    t = 0.8 if end else 0.3                 # where along the thigh the roller is
    r_t = 15.0 - 5.0 * t                    # thigh radius there
    contact = V(xr, MAT + 2 * rr + r_t - 2, -4)
    ankle_y = MAT + 8.0                     # the bottom foot rests on its outer edge
    sl = math.asin((contact.y - ankle_y) / (THIGH + SHIN - t * THIGH))
    legdir = V(math.cos(sl), -math.sin(sl), 0)
    hip_r = contact - legdir * (t * THIGH)

    def build(ang):
        up = rotate(-X, Z, -ang)            # spine rising towards the head
        right = Z.cross(up)
        bb = Body(hip_r - right * HIP_W, up=up, fwd=Z)
        bb.head(up=rotate(-X, Z, -ang - 18), fwd=Z)
        return bb

    # trunk angle so that the right elbow rests on the mat under the shoulder
    ang = solve(lambda a: build(a).shoulder("R").y, 0, 60, MAT + 5 + UPPER_ARM)
    b = build(ang)
    sh = b.shoulder("R")
    b.arm("R", d(0.05, -1, 0.1), d(-0.75, 0, 0.65), hand=d(-0.75, 0, 0.65))
    c = b.at(0.45)[0]
    b.arm_to("L", V(c.x + 4, MAT + 6, 40), pole=d(0.1, 0.4, 1), hand=d(-0.2, 0, 1))
    b.leg("R", legdir, legdir, foot=d(0.15, 0.1, 1), foot_up=-legdir)
    kx = (hip_r + legdir * THIGH).x
    b.leg_to("L", V(kx + 22, MAT + 13, 66), pole=d(0.3, 1, -0.1), foot=d(1, 0, 0.2))
    b.merge = ["R"]
    b.order_bias["legL"] = 60
    b.far_override.update(legR=False, armR=False, legL=False, armL=False)
    sc.body(b)
    if end:
        k = b.legs["R"]["K"]
        h = b.legs["R"]["H"]
        lift = V(0, 62, -60)
        arrow(sc, h + lift + legdir * 6, k + lift - legdir * 4, bend=0.0, both=True)
    return sc


@exercise("neck", "chin-tuck",
          "Chin tuck start: sitting tall, head in its usual position",
          "Chin tuck: chin drawn straight back, eyes level", scale=2.3,
          focus=(-70, 140, 70, 252), check=False)
def chin_tuck(end):
    sc = Scene(-12, 0)

    def build(e):
        b = Body(V(0, 98, 0), up=Y, fwd=X)
        if e:
            b.head(up=sag(92), fwd=sag(2), neck=sag(97), forward_shift=-2.0)
        else:
            b.head(up=sag(90), fwd=sag(0), neck=sag(70), forward_shift=3.0)
        b.arm("R", sag(-92), sag(-60))
        b.arm("L", sag(-88), sag(-60))
        b.leg("R", X, -Y)
        b.leg("L", X, -Y)
        return b

    b = build(end)
    if end:
        sc.ghost(build(False))
    sc.body(b)
    if end:
        hc = b.Hc
        arrow(sc, V(hc.x + 44, hc.y - 13, 0), V(hc.x + 22, hc.y - 13, 0), bend=0.0)
    return sc


@exercise("neck", "upper-trapezius-stretch",
          "Upper trapezius stretch start: sitting tall in a chair, right hand holding the seat",
          "Upper trapezius stretch hold: head tilted toward the left shoulder",
          scale=1.22, anchor="floor")
def upper_trapezius_stretch(end):
    sc = Scene(18, 6)
    sc.floor(0, 84)
    props.chair(sc, 0, 0, facing="+z")
    b = Body(V(0, 98, 0), up=Y, fwd=Z)
    if end:
        b.head(up=rotate(Y, Z, -34), fwd=Z, neck=rotate(Y, Z, -18))
    for side, sx in (("R", -1), ("L", 1)):
        h = b.hip(side)
        b.leg_to(side, V(h.x + sx * 4, 13, 84), pole=Y, foot=Z)
    b.shrug("R", up=-3)
    b.arm_to("R", V(-31, 84, 8), pole=d(-0.3, 0, -1), hand=d(0, -1, 0.4))
    b.arm_to("L", V(24, 110, 52), pole=d(1, -0.3, -0.5), hand=d(0, -0.4, 1))
    b.merge = []
    sc.body(b)
    if end:
        hc = b.Hc
        top = hc + b.Uh * 30
        arrow(sc, V(-4, hc.y + 34, hc.z), top + X * 8 + Y * 2, bend=-0.3)
    return sc


@exercise("chest", "doorway-pec-stretch",
          "Doorway chest stretch start: standing in a doorway, forearms on the door frame, elbows at shoulder height",
          "Doorway chest stretch hold: one foot stepped forward through the doorway, chest leaning gently forward")
def doorway_pec_stretch(end):
    # seen from the front and the right: the person comes through the
    # doorway towards the viewer, so the opening, the forearms on the frame
    # and the step forward all show
    sc = Scene(-42, 8)
    sc.floor(0)
    half, fx = 92.0, -26.0               # half the opening (wider than the shoulders), frame x
    for z0, z1 in ((-220, -half), (half, 220)):
        props.box(sc, V(fx - 8, 0, z0), V(fx + 8, 380, z1), bbox=False, depth=-1000)
    props.box(sc, V(fx - 8, 330, -half), V(fx + 8, 380, half), bbox=False, depth=-1000)
    if end:
        b = Body(V(-6, STAND_HIP - 12, 0), up=sag(84), fwd=X)
        b.spine(up=sag(80))
        b.head(up=sag(86), fwd=sag(-4))
        b.leg_to("R", V(52, 13, HIP_W), pole=X)
        b.leg_to("L", V(-52, 13, -HIP_W), pole=X, foot=X)
    else:
        b = Body(V(-24, STAND_HIP, 0), up=Y, fwd=X)
        b.leg("R", -Y, -Y)
        b.leg("L", -Y, -Y)
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        # elbow on the frame a little below the shoulder, upper arm full length
        dx, dy = fx + 2 - sh.x, -8.0
        dz = math.sqrt(max(0.0, UPPER_ARM ** 2 - dx * dx - dy * dy))
        el = sh + V(dx, dy, zz * dz)
        b.arm(side, el - sh, Y, hand=Y, thumb=-X)        # forearm straight up the frame
    sc.body(b)
    if end:
        c = b.at(0.7)[0]
        arrow(sc, V(c.x + 24, c.y + 4, 20), V(c.x + 84, c.y + 4, 20), bend=0.0)
    return sc


@exercise("upper-back", "band-row",
          "Band row start: facing a door, arms straight out in front holding both ends of a band",
          "Band row finish: elbows pulled back past the sides, shoulder blades squeezed",
          anchor="floor")
def band_row(end):
    sc = Scene(-18, 5)
    sc.floor(0)
    door_x = 150.0
    props.box(sc, V(door_x, 0, -70), V(door_x + 8, 420, 70), bbox=False, depth=-1000)
    anchor_p = V(door_x, 232, 0)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    b.leg("R", -Y, -Y)
    b.leg("L", -Y, -Y)
    for side, zz in (("R", 1), ("L", -1)):
        if end:
            b.shrug(side, fwd=-6, up=-2)
            b.arm_to(side, V(10, 214, zz * 27), pole=d(-1, -0.4, zz * 0.3), hand=X, style="fist")
        else:
            b.arm_to(side, V(97, 236, zz * 17), pole=d(0, -1, zz * 0.5), hand=X, style="fist")
    sc.body(b)
    for side in ("R", "L"):
        a = b.arms[side]
        fist = a["W"] + a["h"] * 6
        props.band(sc, [anchor_p, fist], layer=2 if side == "R" else 0.9,
                   depth=0)
    props.anchor(sc, anchor_p, layer=0.9)
    if end:
        e = b.arms["R"]["E"]
        arrow(sc, V(e.x + 40, e.y + 62, 40), V(e.x - 10, e.y + 62, 40), bend=0.0)
    return sc


def quadruped(up_p, head_up, head_fwd, x_shift=0.0):
    """Hands-and-knees body: knees under hips, hands under shoulders.
    up_p tilts the pelvis; the chest angle is solved so straight arms
    reach the mat."""
    knee_y = MAT + 9.5
    P = V(x_shift, knee_y + THIGH, 0)
    wrist_y = MAT + 6.5
    target = wrist_y + UPPER_ARM + FOREARM - 3

    def build(a):
        bb = Body(P, up=up_p, fwd=-Y)
        bb.spine(up=sag(a), fwd=rotate(sag(a), Z, -90))
        return bb

    a = solve(lambda a: build(a).shoulder("R").y, -60, 80, target)
    b = build(a)
    b.head(up=head_up, fwd=head_fwd)
    for side in ("R", "L"):
        sh = b.shoulder(side)
        b.arm_to(side, V(sh.x + 2, wrist_y, sh.z * 0.9), pole=d(-1, 0, 0), hand=d(1, -0.15, 0))
        h = b.hip(side)
        k = V(h.x, knee_y, h.z)
        b.leg_to(side, k + V(-SHIN, 0, 0) + V(0, 0, 0), pole=d(0, -1, 0), foot=d(-1, -0.3, 0),
                 foot_up=-Y)
    return b


@exercise("lower-back", "cat-cow",
          "Cat-cow, arch: on hands and knees, back arched, belly lowered, head lifted",
          "Cat-cow, round: back rounded up toward the ceiling, head dropped", scale=1.15)
def cat_cow(end):
    sc = Scene(-12, 8)
    props.floor_mat(sc, -150, 175, -45, 45)
    if end:
        b = quadruped(sag(38), sag(-45), sag(-135))
    else:
        b = quadruped(sag(-22), sag(38), sag(-52))
    sc.body(b)
    if end:
        c = b.at(0.45)[0]
        arrow(sc, V(c.x - 10, c.y + 30, 0), V(c.x - 10, c.y + 62, 0), bend=0.0)
    return sc


# ============================================================ batch 2

def supine(up_p=None, up_c=None, neck=None, arch=None):
    """Lying on the back, head to the image left (-X), right side towards
    the viewer. Torso and head rest on the mat. With `arch` (degrees) the
    pelvis is tilted and the chest angle is solved so that both the sacrum
    and the shoulder blades touch the mat, leaving a gap under the low back."""
    if arch is not None:
        up_p = rotate(-X, Z, arch)

        def build(a):
            bb = Body(V(0, 40, 0), up=up_p, fwd=ortho(Y, up_p))
            uc = rotate(-X, Z, a)
            bb.spine(up=uc, fwd=ortho(Y, uc))
            return bb

        ac = solve(lambda a: build(a).lowest_y_between(0.6, 0.95) -
                   build(a).lowest_y_between(-0.17, 0.1), -60, 30, 0.0)
        b = build(ac)
    else:
        up_p = up_p or -X
        b = Body(V(0, 40, 0), up=up_p, fwd=ortho(Y, up_p))
        if up_c is not None:
            b.spine(up=up_c, fwd=ortho(Y, up_c))
    b.translate(V(0, MAT - b.lowest_y_between(-0.17, 1.0), 0))

    def set_head(a):
        nd = rotate(b.Uc, Z, a)
        b.head(up=-X, fwd=Y, neck=nd)
        return b.head_lowest_y()

    solve(set_head, -40, 40, MAT)
    return b


def arms_at_sides(b, reach=98.0):
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        b.arm_to(side, V(sh.x + reach, MAT + 6, zz * 36), pole=Y, hand=X)


def feet_flat(b, sides=("R", "L"), x=100.0):
    for side in sides:
        zz = 1 if side == "R" else -1
        b.leg_to(side, V(x, MAT + 13, zz * 16), pole=Y, foot=X)


@exercise("hip", "figure-4-stretch",
          "Figure-4 stretch start: lying on the back, left foot flat, right ankle crossed over the left knee",
          "Figure-4 stretch hold: hands behind the left thigh pulling it toward the chest, right ankle still crossed over it")
def figure_4_stretch(end):
    # a side view from the right, turned towards the feet and a little from
    # above, so the right shin lying across the left knee makes the "4"
    sc = Scene(-40, 18)
    props.floor_mat(sc, -150, 150, -45, 45)
    b = supine()
    if end:
        b.leg("L", d(-0.1, 1, 0), d(1, 0.05, 0), foot=d(0.2, 1, 0))
    else:
        feet_flat(b, ("L",), x=92)
    lg = b.legs["L"]
    th = (lg["K"] - lg["H"]).norm()
    shin_l = (lg["A"] - lg["K"]).norm()
    front = ortho(-shin_l, th)           # the front of the left thigh
    # right ankle across the front of the left thigh just above the knee,
    # right knee falling out to the side (towards the viewer)
    rest = lg["K"] - th * 10 + front * 14 + Z * 6
    # the right foot flexed, toes pulled up towards the shin (as the tip says)
    b.leg_to("R", rest, pole=d(0.2, 0.7, 1), foot=d(0.15, 1, -0.45))
    b.merge = []
    if end:
        # both hands hold the back of the left thigh (it faces the feet)
        grip = lg["K"] - th * 30 - front * 16
        b.arm_to("R", grip + Z * 8, pole=d(-0.2, -0.5, 1), hand=d(0, 1, -0.3),
                 thumb=-X)
        b.arm_to("L", grip - Z * 8, pole=d(-0.2, -0.5, -1), hand=d(0, 1, 0.3),
                 thumb=-X)
        b.split_hands = ("R",)
        b.order_bias.update(legL=-60, armL=-80, legR=40, handR=120)
        b.far_override.update(legL=True, armL=True, legR=False, armR=False, handR=False)
    else:
        arms_at_sides(b)
        b.order_bias["legL"] = -60
        b.far_override.update(legL=True, legR=False)
    sc.body(b)
    if end:
        k = lg["K"]
        arrow(sc, k + V(40, 40, -20), k + V(-20, 40, -20), bend=0.3)
    return sc


@exercise("hip", "hip-flexor-lunge-stretch",
          "Hip flexor stretch start: kneeling on the right knee on a cushion, left foot forward",
          "Hip flexor stretch hold: hips shifted gently forward, body upright",
          anchor="floor", scale=1.1)
def hip_flexor_lunge_stretch(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    knee_r = V(-40, 16 + 9.5, HIP_W)
    props.pillow(sc, V(-55, 9, HIP_W), length=72, h=18)
    if end:
        P = knee_r + d(0.42, 1, 0) * THIGH - V(0, 0, HIP_W)
        up = sag(92)
    else:
        P = knee_r + d(0.05, 1, 0) * THIGH - V(0, 0, HIP_W)
        up = sag(90)
    b = Body(P, up=up, fwd=X)
    b.leg_to("R", knee_r + d(-1, -0.12, 0) * SHIN * 0.999, pole=X, foot=d(-1, -0.25, 0),
             foot_up=Y)
    # the IK above puts the knee; now force the knee onto the cushion
    lg = b.legs["R"]
    lg["K"] = knee_r
    lg["A"] = knee_r + d(-1, -0.1, 0) * SHIN
    b.leg_to("L", V(55, 13, -HIP_W), pole=X)
    for side, zz in (("R", 1), ("L", -1)):
        hp = b.hip(side)
        b.arm_to(side, hp + V(4, 26, zz * 16), pole=d(-0.4, 0, zz), hand=d(0.3, -1, 0))
    b.merge = ["R"]
    sc.body(b)
    if end:
        arrow(sc, V(P.x - 10, P.y - 2, 50), V(P.x + 40, P.y - 2, 50), bend=0.0)
    return sc


@exercise("lower-back", "child-pose",
          "Child's pose start: kneeling upright on a mat, knees apart",
          "Child's pose hold: sitting back toward the heels, arms stretched forward, forehead on the floor",
          scale=1.15)
def child_pose(end):
    sc = Scene(-22, 14)
    props.floor_mat(sc, -130, 200, -45, 45)
    knee_y = MAT + 9.5
    if end:
        def build(a):
            hx = -72.0
            hy = knee_y + (THIGH ** 2 - hx ** 2) ** 0.5 * 0.999
            bb = Body(V(hx, hy, 0), up=sag(-12), fwd=ortho(-Y, sag(-12)))
            bb.spine(up=sag(a), fwd=ortho(-Y, sag(a)))
            bb.head(up=sag(a - 25), fwd=rotate(sag(a - 25), Z, -90))
            return bb
        a = solve(lambda a: build(a).lowest_y(), -5, -60, MAT)
        b = build(a)
        for side, zz in (("R", 1), ("L", -1)):
            sh = b.shoulder(side)
            b.arm_to(side, V(sh.x + 104, MAT + 6, zz * 30), pole=Y, hand=X)
    else:
        b = Body(V(0, knee_y + THIGH, 0), up=Y, fwd=X)
        for side, zz in (("R", 1), ("L", -1)):
            b.arm(side, sag(-92, zz * 0.05), sag(-85))
    for side, zz in (("R", 1), ("L", -1)):
        h = b.hip(side)
        k = V(0, knee_y, zz * 22)
        lg_a = V(-SHIN, MAT + 7, zz * 7)
        b.leg_to(side, lg_a, pole=X)
        lg = b.legs[side]
        lg["K"] = k
        lg["A"] = k + (lg_a - k).norm() * SHIN
        lg["f"] = d(-1, -0.2, 0)
        lg["u"] = -Y
        if (lg["K"] - h).len() > THIGH * 1.02 or (lg["K"] - h).len() < THIGH * 0.98:
            pass
    b.merge = []
    sc.body(b)
    return sc


@exercise("lower-back", "knee-to-chest",
          "Knee to chest start: lying on the back, knees bent, feet flat",
          "Knee to chest hold: right knee drawn toward the chest with both hands",
          scale=1.3)
def knee_to_chest(end):
    sc = Scene(0, 10)
    props.floor_mat(sc, -150, 150, -45, 45)
    b = supine()
    feet_flat(b, ("L",))
    if end:
        b.leg("R", d(-0.62, 1, 0), d(1, 0.12, 0), foot=d(0.3, 1, 0))
        lg = b.legs["R"]
        shin = (lg["A"] - lg["K"]).norm()
        grip = lg["K"] + shin * 16
        for side, zz in (("R", 1), ("L", -1)):
            b.arm_to(side, grip + Y * 4 + Z * (zz * 10), pole=d(0.3, -0.6, zz), hand=d(0, 1, 0),
                     style="fist")
    else:
        feet_flat(b, ("R",))
        arms_at_sides(b)
    b.merge = []
    sc.body(b)
    if end:
        k = b.legs["R"]["K"]
        arrow(sc, V(k.x + 62, k.y + 10, 40), V(k.x + 8, k.y + 34, 40), bend=0.25)
    return sc


@exercise("lower-back", "pelvic-tilt",
          "Pelvic tilt start: lying on the back, knees bent, small gap under the lower back",
          "Pelvic tilt: lower back pressed flat into the floor", scale=1.3)
def pelvic_tilt(end):
    # seen level with the mat, so the gap under the low back shows
    sc = Scene(0, 1)
    props.floor_mat(sc, -150, 150, -45, 45)

    def build(e):
        bb = supine(arch=-2 if e else -30)
        feet_flat(bb)
        for side, zz in (("R", 1), ("L", -1)):
            c = bb.at(0.45)[0]
            bb.arm_to(side, c + V(0, 20, zz * 8), pole=d(-0.3, 0, zz),
                      hand=d(1, 0.1, -zz * 0.5))
        bb.merge = []
        return bb

    b = build(end)
    if end:
        # the start position dashed behind the figure, as in the chin tuck:
        # the arched low back and the tipped pelvis
        sc.ghost(build(False), names=("torso",))
    sc.body(b)
    if end:
        c = b.at(0.22)[0]
        arrow(sc, V(c.x, c.y + 62, 40), V(c.x, c.y + 30, 40), bend=0.0)
    return sc


@exercise("core", "dead-bug",
          "Dead bug start: lying on the back, arms pointing up, hips and knees bent at right angles",
          "Dead bug: right arm lowered behind the head, left leg straightened just above the floor",
          scale=1.05)
def dead_bug(end):
    sc = Scene(-20, 12)
    props.floor_mat(sc, -200, 200, -50, 50)
    b = supine()
    for side, zz in (("R", 1), ("L", -1)):
        if end and side == "L":
            b.leg(side, d(1, 0.12, 0), d(1, 0.12, 0), foot=d(0.3, 1, 0))
        else:
            b.leg(side, d(0.02, 1, zz * 0.03), d(1, 0, 0), foot=d(0, 1, 0))
        if end and side == "R":
            b.arm(side, d(-1, 0.1, 0.15), d(-1, 0.1, 0.1), hand=d(-1, 0.05, 0))
        else:
            b.arm(side, d(0.05, 1, zz * 0.1), d(0.05, 1, zz * 0.05), hand=d(0.05, 1, 0))
    b.merge = []
    sc.body(b)
    if end:
        sh = b.shoulder("R")
        arrow(sc, sh + V(10, 125, 40), sh + V(-95, 42, 40), bend=0.3)
        h = b.hip("L")
        arrow(sc, h + V(100, 118, 40), h + V(160, 50, 40), bend=-0.3)
    return sc


@exercise("core", "bird-dog",
          "Bird dog start: on hands and knees, back flat like a tabletop",
          "Bird dog: right arm reaching forward and left leg reaching back, level with the body",
          scale=1.0)
def bird_dog(end):
    sc = Scene(-15, 20)
    props.floor_mat(sc, -160, 175, -45, 45)
    b = quadruped(sag(8), sag(10), sag(-80))
    if end:
        b.arm("R", sag(3), sag(3), hand=sag(0))
        b.leg("L", sag(180 + 3), sag(180 - 2), foot=d(-0.2, -1, 0), foot_up=X)
    sc.body(b)
    if end:
        w = b.arms["R"]["T"]
        arrow(sc, w + V(-40, 28, 0), w + V(15, 28, 0), bend=0.0)
        a = b.legs["L"]["A"]
        arrow(sc, a + V(45, 30, -14), a + V(-10, 30, -14), bend=0.0)
    return sc


# ============================================================ batch 3

def head_dir(turn=0.0, nod=0.0, tilt=0.0, fwd=Z, up=Y):
    """Head (up, fwd) from a neutral frame: turn = to the figure's left
    (degrees, about up), nod = chin down, tilt = left ear to left shoulder."""
    f = rotate(fwd, up, turn)
    u = up
    r = f.cross(u).norm()
    f2 = rotate(f, r, -nod)
    u2 = rotate(u, r, -nod)
    u3 = rotate(u2, f2, -tilt)
    return u3, f2


def seated_front(sc, arms=True):
    """Sitting on a chair, facing the viewer (+Z). Right side = image left."""
    sc.floor(0, 84)
    props.chair(sc, 0, 0, facing="+z")
    b = Body(V(0, 98, 0), up=Y, fwd=Z)
    return b


def seated_legs_front(b):
    for side, sx in (("R", -1), ("L", 1)):
        h = b.hip(side)
        b.leg_to(side, V(h.x + sx * 4, 13, 84), pole=Y, foot=Z)
    b.merge = []


def hands_on_thighs(b, sides=("R", "L")):
    for side in sides:
        sx = -1 if side == "R" else 1
        b.arm_to(side, V(sx * 20, 112, 50), pole=d(sx, -0.3, -0.6), hand=d(0, -0.4, 1))


@exercise("neck", "levator-scapulae-stretch",
          "Levator scapulae stretch start: sitting tall in a chair, right hand holding the seat",
          "Levator scapulae stretch hold: head turned left and tipped down, left hand on the back of the head",
          scale=1.22, anchor="floor", dy=-4)
def levator_scapulae_stretch(end):
    sc = Scene(-20, 6)
    b = seated_front(sc)
    if end:
        up, fw = head_dir(turn=45, nod=38)
        b.head(up=up, fwd=fw, neck=nlerp(Y, up, 0.6))
    seated_legs_front(b)
    b.shrug("R", up=-3)
    b.arm_to("R", V(-31, 84, 8), pole=d(-0.3, 0, -1), hand=d(0, -1, 0.4))
    if end:
        # left elbow up and out to the side, the forearm behind the head,
        # so the arm frames the head instead of covering the face
        back = b.Hc - b.Fh * 14 + b.Uh * 13
        b.arm_to("L", back, pole=d(1, 0.8, 0.2), hand=nlerp(-b.Fh, b.Uh, 0.2) * -1)
        b.order_bias["armL"] = -60
    else:
        hands_on_thighs(b, ("L",))
    sc.body(b)
    if end:
        # from the face toward the left armpit, where the eyes look
        a0 = b.Hc + b.Fh * 22 - b.Uh * 4
        a1 = b.shoulder("L") + V(30, -20, 30)
        arrow(sc, a0, a1, bend=0.2)
    return sc


@exercise("neck", "neck-rotation",
          "Neck rotation start: sitting tall, head facing straight ahead",
          "Neck rotation: head turned to look over the right shoulder", scale=1.22, anchor="floor")
def neck_rotation(end):
    sc = Scene(22, 6)      # turned a little, so the chair shows
    b = seated_front(sc)
    if end:
        up, fw = head_dir(turn=-70)
        b.head(up=up, fwd=fw)
    seated_legs_front(b)
    hands_on_thighs(b)
    sc.body(b)
    if end:
        hc = b.Hc
        pts = [V(hc.x - 34 * math.sin(math.radians(t)), hc.y + 33,
                 hc.z + 34 * math.cos(math.radians(t))) for t in range(0, 81, 5)]
        sc2 = [sc.cam.p2(p) for p in pts]
        sc.arrow([(x, y + 3 * (i / len(sc2))) for i, (x, y) in enumerate(sc2)])
    return sc


@exercise("shoulder", "wall-angel",
          "Wall angel start: back against a wall, arms bent in a goal-post shape against the wall",
          "Wall angel: arms slid up the wall into a V shape", scale=0.86, anchor="floor")
def wall_angel(end):
    sc = Scene(0, 0)
    sc.floor(0)
    props.box(sc, V(-215, 0, -60), V(215, 420, -38), bbox=False, depth=-1000)
    b = Body(V(0, STAND_HIP - 4, 0), up=Y, fwd=Z)
    for side, sx in (("R", -1), ("L", 1)):
        b.leg_to(side, V(sx * 18, 13, 14), pole=Z)
        if end:
            b.arm(side, d(sx * 0.62, 1, -0.05), d(sx * 0.3, 1, -0.05), hand=d(sx * 0.25, 1, 0))
        else:
            b.arm(side, d(sx, 0.05, -0.1), d(sx * 0.05, 1, -0.05), hand=d(0, 1, 0))
    sc.body(b)
    if end:
        for sx in (-1, 1):
            arrow(sc, V(sx * 110, 270, 0), V(sx * 96, 340, 0), bend=sx * 0.2)
    return sc


@exercise("shoulder", "pendulum",
          "Pendulum start: leaning forward with one hand on a table, the other arm hanging down",
          "Pendulum: the hanging arm swinging gently in a small circle", top=30)
def pendulum(end):
    sc = Scene(-18, 6)
    sc.floor(0)
    props.table(sc, 70, 200, -95, 5, h=132)
    # trunk bent well forward (about 75 degrees), knees soft, the left hand
    # on the table, the right arm hanging straight down
    b = Body(V(-40, STAND_HIP - 14, 0), up=sag(18), fwd=sag(-72))
    b.spine(up=sag(12), fwd=sag(-78))
    b.head(up=sag(30), fwd=sag(-60))
    b.leg_to("R", V(-26, 13, HIP_W), pole=X)
    b.leg_to("L", V(-78, 13, -HIP_W), pole=X, foot=sag(-4))
    b.arm_to("L", V(96, 132 + 6, -34), pole=d(-0.6, -1, -0.4), hand=d(1, 0, 0))
    if end:
        b.arm("R", d(0.14, -1, 0.06), d(0.14, -1, 0.06), hand=d(0.14, -1, 0.06))
    else:
        b.arm("R", -Y, -Y, hand=-Y)
    sc.body(b)
    if end:
        t = b.arms["R"]["T"]
        c = sc.cam.p2(t + Y * 4)
        sc.arrow(arc_points(c, 34, 11, 200, 510, n=40))
    return sc


@exercise("shoulder", "band-external-rotation",
          "Band external rotation start: left side to a door, right elbow bent at the side, hand in front of the belly",
          "Band external rotation: right forearm turned out, elbow still at the side",
          scale=0.95)
def band_external_rotation(end):
    sc = Scene(-12, 24)
    door_x = 125.0
    sc.title = "x"
    props.floor_mat(sc, -140, 170, -60, 70, t=0.5)
    props.box(sc, V(door_x, 0, -80), V(door_x + 8, 420, 50), bbox=False, depth=-1000)
    knob = V(door_x, 200, 20)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=Z)
    for side, sx in (("R", -1), ("L", 1)):
        b.leg(side, -Y, -Y, foot=d(sx * 0.15, 0, 1))
    sh = b.shoulder("R")
    el = sh + d(0.05, -1, -0.05) * UPPER_ARM
    fore = d(-0.75, 0, 0.66) if end else d(0.85, 0, 0.5)
    b.arm("R", (el - sh), fore, hand=fore, style="fist")
    b.arm("L", d(0.1, -1, 0), d(0.15, -1, 0.2))
    b.merge = []
    sc.body(b)
    a = b.arms["R"]
    fist = a["W"] + a["h"] * 6
    props.band(sc, [knob, fist], layer=2)
    props.anchor(sc, knob, layer=2)
    if end:
        e = a["E"]
        pts = []
        for t in range(0, 101, 5):
            ang = math.atan2(0.5, 0.85) + (math.atan2(0.66, -0.75) - math.atan2(0.5, 0.85)) * t / 100.0
            pts.append(e + V(math.cos(ang) * 66, 8, math.sin(ang) * 66))
        sc.arrow([sc.cam.p2(p) for p in pts])
    return sc


@exercise("shoulder", "cross-body-shoulder-stretch",
          "Cross-body shoulder stretch start: standing tall, arms relaxed at the sides",
          "Cross-body shoulder stretch hold: right arm held across the chest by the left hand above the elbow",
          scale=1.0, anchor="floor")
def cross_body_shoulder_stretch(end):
    sc = Scene(-12, 4)
    sc.floor(0)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=Z)
    for side, sx in (("R", -1), ("L", 1)):
        b.leg(side, -Y, -Y, foot=d(sx * 0.15, 0, 1))
    if end:
        b.arm("R", d(1, -0.05, 0.45), d(1, 0.02, 0.1), hand=d(1, 0, 0))
        above = b.arms["R"]["E"] + (b.arms["R"]["S"] - b.arms["R"]["E"]).norm() * 10 + Z * 9
        b.arm_to("L", above, pole=d(0.5, -1, 0.2), hand=d(-1, 0.1, -0.3))
        b.order_bias["armL"] = 20
    else:
        b.arm("R", d(-0.08, -1, 0), d(-0.05, -1, 0.1))
        b.arm("L", d(0.08, -1, 0), d(0.05, -1, 0.1))
    sc.body(b)
    return sc


@exercise("shoulder", "sleeper-stretch",
          "Sleeper stretch start: lying on the right side, head on a pillow, right elbow bent, fingers up",
          "Sleeper stretch hold: left hand pressing the right forearm down toward the bed",
          scale=2.3, focus=(-135, -55, 45, 70), check=False)
def sleeper_stretch(end):
    # a close-up of the upper body (the legs run out of the picture), seen
    # from the front and above, so the bottom arm shows against the mat
    sc = Scene(25, 40)
    props.floor_mat(sc, -165, 150, -40, 100)
    props.pillow(sc, V(-122, MAT + 8, 0), length=64, h=16, depth_z=56, slab=True)

    def build(e):
        # lying on the right side, head to the image left, facing the
        # viewer, hips and knees bent
        b = Body(V(0, 60, 0), up=-X, fwd=Z)
        b.head(up=d(-1, 0.12, 0), fwd=Z)
        b.rest_on(MAT, head=False)
        b.shrug("R", right=-8.0)
        b.head(up=d(-1, 0.2, 0), fwd=Z)
        # right arm forward at shoulder height, elbow bent; in the hold the
        # forearm is turned down toward the feet and the bed
        fore = rotate(Y, Z, -70) if e else Y
        b.arm("R", d(0.12, 0.05, 1), fore, hand=fore)
        b.leg("R", d(0.55, 0, 1), d(0.8, 0, -0.55), foot=d(0.4, 0, 0.2))
        b.leg("L", d(0.6, 0.05, 1), d(0.85, 0.05, -0.5), foot=d(0.4, 0, 0.2))
        if e:
            # left hand on top of the right wrist
            a = b.arms["R"]
            fu = (a["W"] - a["E"]).norm()
            top = ortho(Y, fu)
            b.arm_to("L", a["W"] + top * 9 + Z * 2 + fu * 2, pole=d(1, 0.6, 0.2),
                     hand=(fu * 0.9 - top * 0.5).norm())
        else:
            hp = b.hip("L")          # top hand resting on the back of the hip
            b.arm_to("L", hp + V(6, 4, -16), pole=d(-0.2, 0.4, -1), hand=d(1, -0.3, -0.2))
        b.merge = []
        b.order_bias["legR"] = -100
        b.order_bias["armR"] = 100        # the bottom arm lies in front of the chest
        b.far_override["armR"] = False
        b.order_bias["armL"] = 160 if e else -100
        return b

    b = build(end)
    sc.body(b)
    if end:
        # the path of the fingertips, from fingers up to the hold position
        p2 = sc.cam.p2
        c = p2(b.arms["R"]["E"])
        tips = (p2(build(False).arms["R"]["T"]), p2(b.arms["R"]["T"]))
        ang = [math.degrees(math.atan2(t[1] - c[1], t[0] - c[0])) for t in tips]
        r = math.hypot(tips[0][0] - c[0], tips[0][1] - c[1]) + 12
        sc.arrow(arc_points(c, r, r, ang[0] - 4, ang[1] + 10, n=20))
    return sc


@exercise("upper-back", "thoracic-extension-chair",
          "Thoracic extension start: sitting upright in a chair, hands behind the head, elbows forward",
          "Thoracic extension: leaning back over the top of the chair back, chest lifted",
          top=40)
def thoracic_extension_chair(end):
    # from the side and a little in front, elbows pointing forward and a
    # little apart, below the face, so head, hands and elbows stay distinct
    sc = Scene(-14, 4)
    sc.floor(0)
    props.chair(sc, 0, 0, facing="+x", back_h=160)   # top at the lower shoulder blades
    b = Body(V(0, 98, 0), up=Y, fwd=X)
    if end:
        b.spine(up=sag(124), fwd=sag(34))
        b.head(up=sag(136), fwd=sag(46))
    for side, zz in (("R", 1), ("L", -1)):
        b.leg_to(side, V(82, 13, zz * HIP_W * 1.4), pole=X)
        back = b.Hc - b.Fh * 15 + b.Uh * 2 + b.Rc * (zz * 10)
        b.arm_to(side, back, pole=(b.Fc * 1.0 + b.Rc * (zz * 0.35) - b.Uc * 0.35).norm(),
                 hand=(-b.Rc * zz + b.Uh * 0.3).norm(), thumb=b.Uh)
    # the head drawn over the near arm, so the face stays in view; the
    # elbow still shows in front of the face
    b.order_bias["head"] = 60
    sc.body(b)
    if end:
        hc = b.Hc
        arrow(sc, hc + V(34, 40, 60), hc + V(-16, 44, 60), bend=0.3)
    return sc


@exercise("upper-back", "open-book",
          "Open book start: lying on the left side, knees bent, both arms straight out in front",
          "Open book: right arm opened up and over, chest and head turned to follow",
          scale=1.2)
def open_book(end):
    sc = Scene(25, 52)
    props.floor_mat(sc, -150, 190, -60, 110)
    props.pillow(sc, V(150, MAT + 8, 0), length=64, h=16, depth_z=56, slab=True)
    b = Body(V(0, 60, 0), up=X, fwd=Z)
    if end:
        # chest turned to face the ceiling and beyond, the head turned
        # further, eyes on the moving hand
        b.spine(up=X, fwd=rotate(Z, X, -85))
        b.head(up=d(1, 0.15, 0), fwd=rotate(Z, X, -125))
    else:
        b.head(up=d(1, 0.15, 0), fwd=Z)
    b.rest_on(MAT, head=False)
    b.shrug("L", right=-8.0)
    # head on the pillow
    b.arm("L", d(0, -0.1, 1), d(0, 0, 1), hand=Z)
    w = b.arms["L"]["W"]
    if end:
        b.arm("R", d(0.05, -0.2, -1), d(0.05, -0.3, -1), hand=d(0, -0.3, -1))
    else:
        b.arm_to("R", w + Y * 11, pole=d(0, 1, 0), hand=Z)
    b.leg("L", d(-0.2, 0, 1), d(-1, 0, 0.1), foot=d(-0.4, 0, 0.3))
    b.leg_to("R", b.legs["L"]["A"] + Y * 14, pole=Z, foot=d(-0.4, 0.1, 0.3))
    b.merge = []
    b.order_bias["legL"] = -200
    b.order_bias["armL"] = -150
    sc.body(b)
    if end:
        s = b.shoulder("R")
        pts = [s + V(0, 75 * math.sin(math.radians(t)), 75 * math.cos(math.radians(t)))
               for t in range(20, 161, 7)]
        sc.arrow([sc.cam.p2(p) for p in pts])
    return sc


@exercise("upper-back", "scapular-squeeze",
          "Scapular squeeze start: sitting tall, arms relaxed at the sides (seen from behind)",
          "Scapular squeeze: shoulder blades squeezed together and down, chest open",
          scale=1.3, anchor="floor")
def scapular_squeeze(end):
    sc = Scene(14, 8)
    sc.floor(0)
    props.chair(sc, 0, 0, facing="-z", back=False)
    b = Body(V(0, 98, 0), up=Y, fwd=-Z)
    for side in ("R", "L"):
        h = b.hip(side)
        b.leg_to(side, V(h.x * 1.3, 13, -84), pole=Y, foot=-Z)
        sx = 1 if side == "R" else -1     # the right side is image right here
        if end:
            b.shrug(side, right=-4, fwd=-4, up=-3)
            b.arm(side, d(sx * 0.12, -1, 0.18), d(sx * 0.05, -1, -0.1))
        else:
            b.arm(side, d(sx * 0.12, -1, 0.02), d(sx * 0.05, -1, -0.2))
    b.merge = []
    sc.body(b)
    # shoulder blades drawn on the back; in the squeeze, the start position
    # is shown as a dashed outline, and the arrows run in towards the spine
    # and down (not up towards the ears, which would be a shrug)
    c, u, f, r = b.at(0.66)

    def blade(sx, inner, drop):
        pts = []
        for (x, y) in [(inner, 17), (inner + 8, 20), (inner + 19, 19), (inner + 13, 0),
                       (inner + 3, -21), (inner - 1, -8)]:
            pts.append(sc.cam.p2(c - f * 15.0 + r * (sx * x) + u * (y + drop)))
        return catmull_closed(pts, 0.9)

    for sx in (1, -1):
        if end:
            sc.shape(blade(sx, 15.0, 0.0), fill=None, stroke="#2F3A40", width=1.6, layer=1,
                     depth=sc.cam.depth(c) + 3, dash="4 3")
        sc.shape(blade(sx, 8.0 if end else 15.0, -6.0 if end else 0.0), fill="#D3DDE1",
                 stroke="#2F3A40", width=2.0, layer=1, depth=sc.cam.depth(c) + 2)
    if end:
        for sx in (1, -1):
            p = c - f * 22
            arrow(sc, p + r * (sx * 40) + u * 30, p + r * (sx * 17) + u * 8, bend=0.0)
    return sc


@exercise("knee", "hamstring-strap-stretch",
          "Hamstring strap stretch start: lying on the back, knees bent, strap around the right foot",
          "Hamstring strap stretch hold: right leg straight up, held by the strap, left knee bent",
          scale=1.2)
def hamstring_strap_stretch(end):
    sc = Scene(-12, 10)
    props.floor_mat(sc, -150, 150, -45, 45)
    b = supine()
    feet_flat(b, ("L",))
    if end:
        b.leg("R", d(0.12, 1, 0), d(0.12, 1, 0), foot=d(-1, 0.2, 0))
    else:
        b.leg("R", d(0.25, 1, 0), d(1, -0.05, 0), foot=d(0.1, 1, 0))
    lg = b.legs["R"]
    heel, toe, instep = b.foot_points("R")
    ball = lg["A"] + lg["f"] * 24 + lg["u"] * -14
    grips = {}
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        tgt = sh + (ball - sh).norm() * (70 if end else 62) + Z * (zz * 2)
        b.arm_to(side, tgt, pole=d(0.2, -1, zz * 0.8), hand=(ball - tgt).norm(), style="fist")
        a = b.arms[side]
        grips[side] = a["W"] + a["h"] * 6
    b.merge = []
    sc.body(b)
    for side in ("R", "L"):
        props.band(sc, [grips[side], ball + Z * (3 if side == "R" else -3)],
                   layer=2 if side == "R" else 0.95, width=4.0)
    loop = [ball + Z * 4, ball + lg["f"] * 3 - lg["u"] * 4, ball - Z * 4]
    props.band(sc, loop, layer=2, width=4.0)
    if end:
        a = lg["A"]
        arrow(sc, a + V(48, -40, 30), a + V(22, 4, 30), bend=0.25)
    return sc


@exercise("knee", "quad-stretch-standing",
          "Standing quad stretch start: standing tall beside a chair, left hand on the chair back",
          "Standing quad stretch hold: right knee bent, right hand holding the ankle behind",
          scale=1.0, anchor="floor")
def quad_stretch_standing(end):
    sc = Scene(-15, 5)
    sc.floor(0)
    props.chair(sc, 10, -92, facing="-z", back_h=172)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    b.leg("L", -Y, -Y)
    b.arm_to("L", V(12, 178, -60), pole=d(0, -1, -0.4), hand=d(1, -0.3, 0))
    if end:
        b.leg("R", d(-0.02, -1, 0), d(-0.55, 1, 0), foot=d(-0.35, 1, 0), foot_up=d(1, 0.3, 0))
        a = b.legs["R"]["A"]
        b.arm_to("R", a + V(-2, 6, 9), pole=d(-0.2, -1, 0.5), hand=d(0.2, -0.3, -1))
    else:
        b.leg("R", -Y, -Y)
        b.arm("R", sag(-92), sag(-85))
    sc.body(b)
    if end:
        a = b.legs["R"]["A"]
        arrow(sc, a + V(-30, -80, 30), a + V(-34, -12, 30), bend=-0.3)
    return sc


@exercise("knee", "straight-leg-raise",
          "Straight leg raise start: lying on the back, left knee bent, right leg straight on the floor",
          "Straight leg raise: straight right leg lifted to the height of the left knee",
          scale=1.2)
def straight_leg_raise(end):
    sc = Scene(-10, 10)
    props.floor_mat(sc, -150, 170, -45, 45)
    b = supine()
    feet_flat(b, ("L",))
    arms_at_sides(b)
    kl = b.legs["L"]["K"]
    if end:
        hr = b.hip("R")
        target = V(hr.x + 150, kl.y + 4, 14)
        dv = (target - hr).norm()
        b.leg("R", dv, dv, foot=d(-0.1, 1, 0))
    else:
        b.leg("R", d(1, -0.04, 0), d(1, -0.04, 0), foot=d(-0.1, 1, 0))
    sc.body(b)
    if end:
        a = b.legs["R"]["A"]
        arrow(sc, V(a.x + 40, MAT + 20, 20), V(a.x + 34, a.y + 4, 20), bend=0.3)
    return sc


@exercise("knee", "wall-sit",
          "Wall sit start: standing with the back flat against a wall, feet a step out",
          "Wall sit hold: back slid partway down the wall, knees bent above the ankles",
          scale=1.0, anchor="floor")
def wall_sit(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    props.box(sc, V(-90, 0, -140), V(-60, 420, 140), bbox=False, depth=-1000)
    ankle_x = 35.0
    if end:
        px = -38.0
        # pelvis height so that the shins are vertical-ish: knee above ankle
        P = V(px, 13 + SHIN * 0.98 + 2, 0)
        P = V(px, 13 + (THIGH + SHIN) * 0.72, 0)
    else:
        P = V(-30, STAND_HIP - 22, 0)
    b = Body(P, up=Y, fwd=X)
    b.spine(up=sag(91))
    lowest_back = min(p.x for p in b.torso_points()[:9 * 24])
    b.translate(V(-60 - lowest_back, 0, 0))
    for side, zz in (("R", 1), ("L", -1)):
        b.leg_to(side, V(ankle_x, 13, zz * HIP_W), pole=X)
        b.arm(side, sag(-95, zz * 0.05), sag(-70 if end else -88))
    sc.body(b)
    if end:
        p = b.P
        arrow(sc, V(p.x + 60, p.y + 110, 40), V(p.x + 60, p.y + 60, 40), bend=0.0)
    return sc


def facing_wall(sc, lean, back_foot, front_knee=0.0, back_knee=0.0, sink=0.0):
    """Standing facing a wall (at +X), hands on it at shoulder height."""
    wall_x = 118.0
    # the wall's near edge stays just in front of the hands, so its side
    # face does not cover the feet
    props.box(sc, V(wall_x, 0, -160), V(wall_x + 30, 420, 42), bbox=False, depth=-1000)
    P = V(lean, STAND_HIP - sink, 0)
    b = Body(P, up=sag(90 - lean * 0.25), fwd=X)
    b.head(up=sag(90 - lean * 0.2), fwd=sag(-lean * 0.2))
    b.leg_to("L", V(20, 13, -HIP_W), pole=X)
    b.leg_to("R", V(20 - back_foot, 13, HIP_W), pole=X, foot=X)
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        b.arm_to(side, V(wall_x - 6, sh.y + 2, zz * 30), pole=d(-0.3, -1, zz * 0.6), hand=Y)
    return b


@exercise("ankle-foot", "calf-stretch-wall",
          "Calf stretch at a wall start: facing a wall, hands on the wall at shoulder height",
          "Calf stretch hold: right leg straight behind with the heel flat on the floor, left knee bent, leaning in")
def calf_stretch_wall(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    if end:
        # the back leg straight with the heel flat: the pelvis is placed so
        # the straight leg just reaches the back ankle
        px, back_x = 16.0, -62.0
        py = 13.0 + math.sqrt((THIGH + SHIN - 1.5) ** 2 - (px - back_x) ** 2)
        b = facing_wall(sc, lean=px, back_foot=20 - back_x, sink=STAND_HIP - py)
        b.leg_to("L", V(40, 13, -HIP_W), pole=X)
    else:
        b = facing_wall(sc, lean=-2.0, back_foot=0.0)
    sc.body(b)
    if end:
        p = b.P
        arrow(sc, V(p.x + 5, p.y + 40, 40), V(p.x + 48, p.y + 40, 40), bend=0.0)
    return sc


@exercise("ankle-foot", "soleus-stretch",
          "Soleus stretch start: facing a wall, hands on the wall, right foot a short step back",
          "Soleus stretch hold: both knees bent and sinking down, right heel still on the floor",
          scale=0.98, anchor="floor")
def soleus_stretch(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    if end:
        b = facing_wall(sc, lean=6.0, back_foot=52.0, sink=24.0)
    else:
        b = facing_wall(sc, lean=2.0, back_foot=52.0, sink=5.0)
    sc.body(b)
    if end:
        k = b.legs["R"]["K"]
        arrow(sc, V(k.x - 45, k.y + 60, 40), V(k.x - 45, k.y + 20, 40), bend=0.0)
    return sc


@exercise("ankle-foot", "calf-raise",
          "Calf raise start: standing tall behind a chair, hands on the chair back, feet flat",
          "Calf raise: up on the balls of the feet, heels lifted high",
          scale=0.95, anchor="floor")
def calf_raise(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    props.chair(sc, 88, 0, facing="+x", back_h=172)
    if end:
        fd = sag(-40)
        # heels up high, the weight on the balls of the feet (toes flat on
        # the floor, not on the tips): the ankle height that puts the ball
        # of the foot on the floor
        probe = Body(V(0, 200, 0), up=Y, fwd=X)
        probe.leg("R", -Y, -Y, foot=fd, foot_up=rotate(Y, Z, -40))
        rise = probe.legs["R"]["A"].y - (probe.ball_of_foot("R").y - 5.0) - 13.0
    else:
        fd = X
        rise = 0.0
    b = Body(V(0, STAND_HIP + rise, 0), up=Y, fwd=X)
    for side, zz in (("R", 1), ("L", -1)):
        b.leg(side, -Y, -Y, foot=fd, foot_up=rotate(Y, Z, -40) if end else Y)
        if end:
            b.on_balls(side)
        b.arm_to(side, V(55, 172 + 6, zz * 22), pole=d(-0.3, -1, zz * 0.3), hand=d(1, -0.4, 0))
    sc.body(b)
    if end:
        hl, _, _ = b.foot_points("R")
        arrow(sc, V(hl.x - 22, 8, 40), V(hl.x - 22, 52, 40), bend=0.0)
    return sc


@exercise("ankle-foot", "ankle-alphabet",
          "Ankle alphabet start: sitting in a chair, right foot lifted just off the floor",
          "Ankle alphabet: right foot tracing a large letter in the air, leg still",
          scale=1.15, anchor="floor")
def ankle_alphabet(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    props.chair(sc, 0, 0, facing="+x")
    b = Body(V(0, 98, 0), up=Y, fwd=X)
    b.leg_to("L", V(82, 13, -HIP_W), pole=X)
    a_r = V(128, 34, HIP_W)
    fd = sag(35) if end else sag(5)
    b.leg_to("R", a_r, pole=Y, foot=fd)
    for side, zz in (("R", 1), ("L", -1)):
        b.arm_to(side, V(38, 108, zz * 22), pole=d(-0.4, -1, zz * 0.3), hand=d(1, -0.3, 0))
    sc.body(b)
    if end:
        heel, toe, instep = b.foot_points("R")
        c = sc.cam.p2(toe)
        # a looping "letter" path in front of the toes
        pts = [(c[0] + 6, c[1] - 28), (c[0] + 18, c[1] + 6), (c[0] + 30, c[1] + 36),
               (c[0] + 42, c[1] + 6), (c[0] + 54, c[1] - 28)]
        sc.arrow(pts)
    return sc


@exercise("elbow-wrist-hand", "wrist-extensor-stretch",
          "Wrist extensor stretch start: right arm straight out in front, palm down",
          "Wrist extensor stretch hold: right wrist bent, fingers down, left hand pressing the back of the hand",
          scale=2.75, focus=(-22, 196, 140, 318), check=False, top=44)
def wrist_extensor_stretch(end):
    # a close-up of the head, the arms and the hands
    sc = Scene(-10, 4)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    b.leg("R", -Y, -Y)
    b.leg("L", -Y, -Y)
    if end:
        b.spine(fwd=rotate(X, Y, -16))    # left shoulder reaches forward
        b.shrug("L", fwd=10)
        b.arm("R", sag(-3), sag(-3), hand=d(-0.15, -1, 0))
        a = b.arms["R"]
        h = (a["T"] - a["W"]).norm()
        back = ortho(X, h)                # the back of the bent hand faces forward
        # left palm on the back of the right hand, fingers up, the left
        # forearm coming up from below; the left hand is drawn in front
        lw = a["W"] + h * 38 + back * 14 - Z * 4
        b.arm_to("L", lw, pole=d(-0.2, -1, -0.4), hand=(-h - back * 0.1).norm())
        b.split_hands = ("L",)
        b.order_bias["handL"] = 200
        b.far_override["handL"] = True      # darker: the two hands stay apart
    else:
        b.arm("R", sag(-3), sag(-3), hand=X)
        b.arm("L", sag(-90), sag(-88))
    sc.body(b)
    if end:
        # the path of the fingertips as the wrist bends
        c = sc.cam.p2(b.arms["R"]["W"])
        sc.arrow(arc_points(c, 38, 38, 5, -62, n=16))
    return sc


# ============================================================ batch 4 (library v2)

@exercise("neck", "scalene-stretch",
          "Scalene stretch start: sitting tall, right hand holding the seat, left hand on the right collarbone",
          "Scalene stretch hold: head tilted toward the left shoulder, chin lifted a little",
          scale=1.22, anchor="floor")
def scalene_stretch(end):
    sc = Scene(18, 6)
    b = seated_front(sc)
    if end:
        up, fw = head_dir(nod=-20, tilt=30)
        b.head(up=up, fwd=fw, neck=nlerp(Y, up, 0.6))
    seated_legs_front(b)
    b.shrug("R", up=-3)
    b.arm_to("R", V(-31, 84, 8), pole=d(-0.3, 0, -1), hand=d(0, -1, 0.4))
    # left hand flat on the right collarbone, the forearm across the chest
    c, u, f, r = b.at(0.93)
    clav = c + r * 13 + f * 16
    b.arm_to("L", clav + V(8, -4, 4), pole=d(1, -0.6, 0.4), hand=d(-1, 0.15, 0.1))
    b.order_bias["armL"] = 40
    sc.body(b)
    if end:
        hc = b.Hc
        top = hc + b.Uh * 30
        arrow(sc, V(-4, hc.y + 34, hc.z), top + X * 8 + Y * 2, bend=-0.3)
    return sc


@exercise("elbow-wrist-hand", "wrist-flexor-stretch",
          "Wrist flexor stretch start: right arm straight out in front, palm down",
          "Wrist flexor stretch hold: right hand bent up like a stop sign, left hand pulling the fingers back",
          scale=2.75, focus=(-22, 196, 140, 318), check=False)
def wrist_flexor_stretch(end):
    # the same close-up as the wrist extensor stretch, fingers up instead
    sc = Scene(-10, 4)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    b.leg("R", -Y, -Y)
    b.leg("L", -Y, -Y)
    if end:
        b.spine(fwd=rotate(X, Y, -16))
        b.shrug("L", fwd=10)
        b.arm("R", sag(-3), sag(-3), hand=d(-0.2, 1, 0))
        a = b.arms["R"]
        h = (a["T"] - a["W"]).norm()
        palm = ortho(X, h)                 # the palm faces forward
        # left fingers over the right fingertips, pulling them back
        lw = a["W"] + h * 2 + palm * 13 - Z * 4
        b.arm_to("L", lw, pole=d(-0.2, -1, -0.4), hand=h)
        b.split_hands = ("L",)
        b.order_bias["handL"] = 200
        b.far_override["handL"] = False
    else:
        b.arm("R", sag(-3), sag(-3), hand=X)
        b.arm("L", sag(-90), sag(-88))
    sc.body(b)
    if end:
        c = sc.cam.p2(b.arms["R"]["W"])
        sc.arrow(arc_points(c, 40, 40, -5, 62, n=16))
    return sc


@exercise("lower-back", "knee-rolls",
          "Knee rolls start: lying on the back, knees bent and together, feet flat, arms out to the sides",
          "Knee rolls: both knees rolled over to the right, shoulders flat on the floor",
          scale=1.4)
def knee_rolls(end):
    # seen from the feet end, the right side and above, so the knees roll sideways
    sc = Scene(-60, 40)
    props.floor_mat(sc, -150, 150, -70, 70)
    b = supine()
    for side, zz in (("R", 1), ("L", -1)):
        b.arm(side, d(0.75, -0.02, zz), d(0.85, -0.02, zz * 0.8), hand=d(0.9, 0, zz * 0.6))
    roll = 50.0 if end else 0.0
    for side, zz in (("R", 1), ("L", -1)):
        h = b.hip(side)
        foot = V(96, MAT + 13, zz * 9)
        if end:
            foot = rot_about(foot, V(h.x, MAT, 0), X, roll * 0.35) + V(0, 2, 0)
        b.leg_to(side, foot, pole=rotate(Y, X, roll), foot=X, foot_up=rotate(Y, X, roll * 0.6))
        lg = b.legs[side]
        lg["K"] = lg["K"] + Z * (-zz * 4)      # knees together
    b.merge = []
    sc.body(b)
    if end:
        k = b.legs["R"]["K"]
        k0 = knee_rolls(False).bodies[0].legs["R"]["K"]
        arrow(sc, k0 + V(0, 14, 0), k + V(0, 18, 16), bend=-0.35)
    return sc


@exercise("lower-back", "prone-press-up",
          "Press-up start: lying face down, hands flat under the shoulders",
          "Press-up: arms straight, upper body pushed up, hips still on the floor",
          scale=1.2)
def prone_press_up(end):
    sc = Scene(-12, 8)
    props.floor_mat(sc, -190, 150, -45, 45)
    reach = 62.0                             # the hands stay put; the shoulders go back

    def build(a):
        up_p = sag(a * 0.3)                  # the low back arches; the hips stay down
        bb = Body(V(0, 40, 0), up=up_p, fwd=ortho(-Y, up_p))
        uc = sag(a)
        bb.spine(up=uc, fwd=ortho(-Y, uc))
        bb.translate(V(0, MAT - bb.lowest_y_between(-0.17, 0.1), 0))
        return bb

    wrist_y = MAT + 6.5
    if end:
        arm_len = UPPER_ARM + FOREARM - 3
        a = solve(lambda a: build(a).shoulder("R").y, 0, 85,
                  wrist_y + (arm_len ** 2 - reach ** 2) ** 0.5)
        b = build(a)
        b.head(up=sag(a + 12), fwd=ortho(X, sag(a + 12)))
    else:
        b = build(0)
        b.translate(V(0, MAT - b.lowest_y(head=False), 0))
        b.head(up=sag(2), fwd=d(0.25, -1, 0))
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        if end:
            b.arm_to(side, V(sh.x + reach, wrist_y, zz * 30), pole=d(-1, 0, 0),
                     hand=d(1, -0.1, 0))
        else:
            b.arm(side, d(-0.75, 0.12, zz * 0.4), d(1, -0.05, 0), hand=d(1, -0.1, 0))
        b.leg(side, d(-1, -0.03, zz * 0.03), d(-1, 0.0, 0), foot=d(-1, -0.25, 0), foot_up=-Y)
    b.merge = []
    sc.body(b)
    if end:
        c = b.at(0.8)[0]
        arrow(sc, V(c.x - 75, c.y - 40, 40), V(c.x - 50, c.y + 30, 40), bend=-0.3)
    return sc


def hands_behind_head(b, pole=None):
    """Both hands cupping the back of the head, elbows forward (or toward
    `pole`)."""
    for side, zz in (("R", 1), ("L", -1)):
        back = b.Hc - b.Fh * 15 + b.Uh * 2 + b.Rc * (zz * 6)
        p = (pole or nlerp(b.Fc, b.Uc, 0.35)) + b.Rc * (zz * 0.6)
        b.arm_to(side, back, pole=p, hand=-b.Rc * zz)


@exercise("upper-back", "foam-roller-thoracic-extension",
          "Foam roller upper back extension start: lying back on a roller across the upper back, knees bent, hands behind the head",
          "Foam roller upper back extension: upper back arched back over the roller, hips on the floor",
          scale=1.3)
def foam_roller_thoracic_extension(end):
    sc = Scene(-10, 8)
    props.floor_mat(sc, -170, 150, -45, 45)
    rr = 17.0
    on = 0.58                         # where the roller meets the spine

    def back_point(bb, s):
        c, u, f, r = bb.at(s)
        return c - f * 17.0

    def build(tilt, arch):
        up_p = rotate(-X, Z, -tilt)
        bb = Body(V(0, 40, 0), up=up_p, fwd=ortho(Y, up_p))
        uc = rotate(-X, Z, -tilt + arch)
        bb.spine(up=uc, fwd=ortho(Y, uc))
        bb.translate(V(0, MAT - bb.lowest_y_between(-0.17, 0.08), 0))
        return bb

    # start: the trunk rests in a straight line from the floor to the roller
    tilt0 = solve(lambda t: back_point(build(t, 0), on).y, 0, 60, MAT + 2 * rr + 2)
    b0 = build(tilt0, 0)
    c0, u0, f0, r0 = b0.at(on)
    roller = V(back_point(b0, on).x, MAT + rr, 0)
    props.cylinder(sc, V(roller.x, roller.y, -42), V(roller.x, roller.y, 42), rr, layer=1,
                   depth=-60)
    if end:
        # the chest drops back over the roller; the pelvis tilts a little
        # less so that the back still touches the roller
        arch = 55.0
        t = solve(lambda t: back_point(build(t, arch), on - 0.05).y, 0, 70, MAT + 2 * rr + 2)
        b = build(t, arch)
        b.head(up=b.Uc, fwd=ortho(Y, b.Uc))
    else:
        b = b0
    if not end:
        b.head(up=nlerp(b.Uc, Y, 0.2), fwd=ortho(Y, nlerp(b.Uc, Y, 0.2)))
    hands_behind_head(b, pole=Y + X * 0.3)
    feet_flat(b, x=95)
    if end:
        g = foam_roller_thoracic_extension(False).bodies[0]
        sc.ghost(g, names=("head", "torso"))
    sc.body(b)
    if end:
        c = b.at(0.85)[0]
        arrow(sc, c + V(30, 50, 40), c + V(-30, 40, 40), bend=0.3)
    return sc


def ball(sc, c, r=8.0, layer=1, depth=None):
    """A small massage ball (tennis ball) at the 3-D point c, with a seam."""
    from geom import ellipse_path, Path
    p = sc.cam.p2(c)
    dep = sc.cam.depth(c) if depth is None else depth
    sc.shape(ellipse_path(p, r, r, 0), fill=props.PROP_FILL, stroke=props.PROP_LINE,
             width=props.PROP_PX, layer=layer, depth=dep)
    seam = Path().M((p[0] - r * 0.75, p[1] - r * 0.55)).L((p[0] - r * 0.1, p[1] - r * 0.1)) \
        .L((p[0] + r * 0.75, p[1] - r * 0.55))
    sc.shape(seam, fill=None, stroke=props.PROP_LINE, width=1.5, layer=layer, depth=dep + 0.01)


@exercise("hip", "ball-release-wall",
          "Ball release start: back to a wall, a ball between the right buttock and the wall",
          "Ball release: knees bent a little, the ball rolling over the buttock",
          scale=1.0, anchor="floor")
def ball_release_wall(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    wall_x = -60.0
    props.box(sc, V(wall_x - 30, 0, -140), V(wall_x, 420, 140), bbox=False, depth=-1000)
    rb = 10.0
    sink = 30.0 if end else 8.0
    P = V(0, STAND_HIP - sink, 0)
    b = Body(P, up=sag(97), fwd=X)
    b.spine(up=sag(94))
    b.head(up=sag(91), fwd=X)
    # slide the body back until the right buttock rests on the ball
    back = min(b.at(s)[0].x - 22.0 for s in (-0.08, -0.04, 0.0))
    b.translate(V(wall_x + 2 * rb - back, 0, 0))
    for side, zz in (("R", 1), ("L", -1)):
        b.leg_to(side, V(28, 13, zz * HIP_W), pole=X)
        b.arm(side, sag(-96, zz * 0.1), sag(-70))
    sc.body(b)
    ball(sc, V(wall_x + rb, STAND_HIP - 14, HIP_W + 4), rb, layer=2)
    if end:
        p = b.P
        arrow(sc, V(p.x + 70, p.y + 80, 40), V(p.x + 70, p.y + 30, 40), bend=0.0, both=True)
    return sc


@exercise("core", "diaphragmatic-breathing",
          "Belly breathing, in: lying on the back, knees bent, one hand on the chest and one on the belly",
          "Belly breathing, out: the belly sinks as the breath goes out slowly",
          scale=1.3)
def diaphragmatic_breathing(end):
    sc = Scene(0, 10)
    props.floor_mat(sc, -150, 150, -45, 45)
    props.pillow(sc, V(-138, MAT + 6, 0), length=50, h=12)
    b = supine()
    feet_flat(b)
    c, u, f, r = b.at(0.3)
    belly = c + f * (17.5 if not end else 15.5)
    c2, u2, f2, r2 = b.at(0.72)
    chest = c2 + f2 * 23.0
    b.arm_to("R", belly + X * 4 + Z * 10, pole=d(0.2, -0.5, 1), hand=d(-0.3, 0, -1))
    b.arm_to("L", chest + X * 2 - Z * 10, pole=d(0.2, -0.5, -1), hand=d(-0.3, 0, 1))
    b.merge = []
    sc.body(b)
    top = belly + Y * 34 + Z * 40
    if end:
        arrow(sc, top + Y * 6, top - Y * 22, bend=0.0)
    else:
        arrow(sc, top - Y * 22, top + Y * 6, bend=0.0)
    return sc


@exercise("ankle-foot", "single-leg-balance",
          "Single-leg balance start: standing tall behind a chair, fingertips on the chair back",
          "Single-leg balance: standing on the right leg, left foot lifted behind",
          scale=0.95, anchor="floor")
def single_leg_balance(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    props.chair(sc, 88, 0, facing="+x", back_h=172)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    b.leg("R", -Y, -Y)
    if end:
        b.translate(V(0, 0, 0))
        b.leg("L", d(0.08, -1, 0), d(-0.9, -0.5, 0), foot=d(-0.3, -1, 0), foot_up=d(-1, 0.2, 0))
    else:
        b.leg("L", -Y, -Y)
    for side, zz in (("R", 1), ("L", -1)):
        b.arm_to(side, V(56, 172 + 5, zz * 20), pole=d(-0.3, -1, zz * 0.3), hand=d(1, -0.6, 0))
    sc.body(b)
    if end:
        a = b.legs["L"]["A"]
        arrow(sc, V(a.x - 30, 12, -30), V(a.x - 30, a.y + 6, -30), bend=0.0)
    return sc


@exercise("hip", "butterfly-stretch",
          "Butterfly stretch start: sitting tall on the floor, soles together, knees out, hands on the feet",
          "Butterfly stretch hold: leaning forward from the hips with a straight back",
          scale=1.35)
def butterfly_stretch(end):
    # seen from the front and a little above: the legs make a diamond
    sc = Scene(0, 22)
    props.floor_mat(sc, -110, 110, -60, 90)
    lean = 30.0 if end else 0.0
    fl = rotate(Y, X, lean)               # leaning toward the viewer (+Z)
    b = Body(V(0, MAT + 16, 0), up=rotate(Y, X, lean * 0.6), fwd=Z)
    b.spine(up=fl, fwd=ortho(Z, fl))
    hu = rotate(Y, X, lean + 4)
    b.head(up=hu, fwd=ortho(Z, hu))
    feet = {}
    for side, sx in (("R", -1), ("L", 1)):
        ft = V(sx * 11, MAT + 10, 60)
        b.leg_to(side, ft, pole=d(sx, 0.25, 0.1), foot=d(-sx * 0.9, -0.1, 0.3),
                 foot_up=d(sx, 0.3, 0))
        feet[side] = ft
    for side, sx in (("R", -1), ("L", 1)):
        b.arm_to(side, feet[side] + V(sx * 4, 12, 10), pole=d(sx, -0.4, -0.2), hand=d(0, -1, 0.3),
                 style="fist")
    b.merge = []
    sc.body(b)
    if end:
        hc = b.Hc
        arrow(sc, hc + V(44, 10, -30), hc + V(44, -12, 30), bend=-0.3)
    return sc


@exercise("ankle-foot", "plantar-fascia-ball-roll",
          "Foot arch ball roll start: sitting in a chair, right foot resting on a ball under the arch",
          "Foot arch ball roll: the right foot rolling the ball from the heel to the base of the toes",
          scale=2.3, anchor="floor", focus=(10, 0, 170, 110), check=False)
def plantar_fascia_ball_roll(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    props.chair(sc, 0, 0, facing="+x")
    rb = 9.0
    b = Body(V(0, 98, 0), up=Y, fwd=X)
    b.leg_to("L", V(82, 13, -HIP_W), pole=X)
    # the ball stays under the arch; the foot slides over it
    ball_c = V(104, rb, HIP_W)
    shift = 14.0 if end else 0.0
    a_r = V(ball_c.x - 12 - shift, 13 + rb + 1, HIP_W)
    b.leg_to("R", a_r, pole=X, foot=d(1, -0.04, 0), foot_up=Y)
    for side, zz in (("R", 1), ("L", -1)):
        b.arm_to(side, V(44, 110, zz * 24), pole=d(-0.4, -1, zz * 0.3), hand=d(1, -0.3, 0))
    sc.body(b)
    ball(sc, ball_c, rb, layer=2)
    if end:
        heel, toe, instep = b.foot_points("R")
        arrow(sc, V(heel.x - 4, 34, 40), V(toe.x + 10, 34, 40), bend=0.0, both=True)
    return sc


@exercise("shoulder", "wall-slide",
          "Wall slide start: facing a wall, forearms flat on the wall, elbows at shoulder height",
          "Wall slide: forearms slid up the wall, arms reaching up in a V",
          scale=0.88, anchor="floor")
def wall_slide(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    wall_x = 92.0
    props.box(sc, V(wall_x, 0, -140), V(wall_x + 30, 420, 140), bbox=False, depth=-1000)
    b = Body(V(0, STAND_HIP, 0), up=Y, fwd=X)
    for side, zz in (("R", 1), ("L", -1)):
        b.leg(side, -Y, -Y)
    for side, zz in (("R", 1), ("L", -1)):
        sh = b.shoulder(side)
        if end:
            e = V(wall_x - 8, sh.y + 38, zz * 38)
            w = V(wall_x - 7, e.y + FOREARM * 0.95, zz * 50)
        else:
            e = V(wall_x - 8, sh.y - 4, zz * 30)
            w = V(wall_x - 7, e.y + FOREARM * 0.97, zz * 30)
        b.arm_to(side, w, pole=(e - sh).norm() + d(0, -0.2, 0), hand=(w - e).norm())
    sc.body(b)
    if end:
        sh = b.shoulder("R")
        arrow(sc, V(-48, sh.y - 10, 60), V(-48, sh.y + 50, 60), bend=0.0)
    return sc


@exercise("core", "side-plank",
          "Side plank start: lying on the right side, leaning on the right forearm, knees bent",
          "Side plank hold: hips lifted, body straight from the knees to the head",
          scale=1.2)
def side_plank(end):
    # facing the viewer, head to the image left, lying on the right side
    sc = Scene(0, 12)
    props.floor_mat(sc, -200, 150, -45, 60)
    elbow = V(-88, MAT + 7, 0)
    knee = V(72, MAT + 9, 0)
    sh_y = elbow.y + UPPER_ARM - 2

    def build(rise):
        # pelvis on the line from the knees to the shoulder (hold) or resting
        # on the mat (start)
        sh = V(elbow.x, sh_y, 0)
        pel = knee + (sh - knee) * 0.5
        if not rise:
            pel = V(pel.x + 6, MAT + 24, 0)
        up = (sh - pel).norm()
        bb = Body(pel, up=up, fwd=Z)
        bb.head(up=nlerp(up, -X, 0.3), fwd=Z)
        off = bb.shoulder("R") - sh
        bb.translate(-off)
        return bb

    b = build(end)
    b.arm_to("R", elbow + V(0, 0, 30), pole=d(0.2, -1, 0), hand=Z)
    sh = b.shoulder("R")
    b.arms["R"]["E"] = V(sh.x, elbow.y, sh.z)
    b.arms["R"]["W"] = b.arms["R"]["E"] + d(0, 0, 1) * FOREARM
    b.arms["R"]["T"] = b.arms["R"]["W"] + Z * 16
    hp = b.hip("L")
    b.arm_to("L", hp + V(-6, 12, 16), pole=d(0.6, 0.5, 1), hand=d(0.5, -0.5, 0))
    for side, zz in (("R", -1), ("L", 1)):
        k = V(knee.x, MAT + 9 + (0 if side == "R" else 16), zz * 4)
        b.leg_to(side, k + V(-4, 0, -SHIN * 0.999), pole=d(1, 0, 0), foot=d(0, -0.2, -1),
                 foot_up=-Y if side == "R" else Y)
        lg = b.legs[side]
        lg["K"] = k
        lg["A"] = k + (lg["A"] - k).norm() * SHIN
    b.merge = []
    b.order_bias["legR"] = -100
    if end:
        sc.ghost(side_plank(False).bodies[0], names=("torso",))
    sc.body(b)
    if end:
        p = b.P
        arrow(sc, V(p.x + 30, MAT + 36, 60), V(p.x + 30, p.y + 38, 60), bend=0.0)
    return sc


def step_and_rail(sc, x0, x1, h, rail_x0, rail_x1, rail_y=175.0, rail_z=-70.0):
    """A stair step (its front edge at x1) with a handrail on the far side."""
    props.box(sc, V(x0, 0, -60), V(x1, h, 60), layer=0, depth=-900)
    for px in (rail_x0, rail_x1):
        props.box(sc, V(px - 2.5, 0, rail_z - 2.5), V(px + 2.5, rail_y, rail_z + 2.5),
                  layer=0, depth=-950)
    props.box(sc, V(rail_x0 - 8, rail_y, rail_z - 3.5), V(rail_x1 + 8, rail_y + 6, rail_z + 3.5),
              layer=0, depth=-950)


@exercise("elbow-wrist-hand", "wrist-extensor-eccentric",
          "Slow wrist lowering start: sitting, right forearm on the thigh, palm down, wrist lifted with a light weight",
          "Slow wrist lowering: the right hand lowered slowly, forearm still on the thigh",
          scale=2.1, focus=(-10, 40, 170, 200), check=False)
def wrist_extensor_eccentric(end):
    # sitting, seen from the right side; the forearm rests along the thigh
    sc = Scene(-12, 6)
    sc.floor(0)
    props.chair(sc, 0, 0, facing="+x", back=False)

    def build(lean, e):
        bb = Body(V(0, 98, 0), up=sag(90 - lean * 0.4), fwd=X)
        bb.spine(up=sag(90 - lean))
        bb.head(up=sag(92 - lean * 0.5), fwd=sag(-lean * 0.5))
        for side, zz in (("R", 1), ("L", -1)):
            bb.leg_to(side, V(88, 13, zz * HIP_W), pole=X)
        return bb

    def elbow_on_thigh(bb):
        lg = bb.legs["R"]
        return lg["H"] + (lg["K"] - lg["H"]).norm() * 38 + Y * 17 + Z * 2

    lean = solve(lambda t: (elbow_on_thigh(build(t, end)) - build(t, end).shoulder("R")).len(),
                 0, 40, UPPER_ARM)

    def pose(e):
        bb = build(lean, e)
        el = elbow_on_thigh(bb)
        lg = bb.legs["R"]
        along = (lg["K"] - lg["H"]).norm()
        bb.arm("R", el - bb.shoulder("R"), along, hand=sag(-72) if e else sag(38), style="fist")
        kl = bb.legs["L"]["K"]
        bb.arm_to("L", kl + V(-10, 14, -4), pole=d(-0.5, -1, -0.3), hand=d(1, -0.2, 0))
        return bb

    b = pose(end)
    if end:
        sc.ghost(pose(False), names=("armR",))
    sc.body(b)
    a = b.arms["R"]
    # the weight: a small dumbbell in the fist
    g = a["W"] + a["h"] * 10
    dep = sc.cam.depth(g) + 40
    props.cylinder(sc, g - Z * 14, g + Z * 14, 3.0, layer=2, depth=dep)
    for zz in (-1, 1):
        props.cylinder(sc, g + Z * (zz * 12), g + Z * (zz * 18), 8.0, layer=2, depth=dep + zz)
    if end:
        c = sc.cam.p2(a["W"])
        sc.arrow(arc_points(c, 44, 44, 40, -62, n=16))
    return sc


@exercise("knee", "step-down",
          "Step-down start: standing on the right foot on a low step, left foot just off the front edge",
          "Step-down: right knee bent, left heel lowered to touch the floor lightly",
          scale=0.88, anchor="floor")
def step_down(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    sh_ = 36.0                               # step height
    step_and_rail(sc, -90, 40, sh_, -80, 60)
    if end:
        # the right knee bends until the left heel touches the floor in front
        def build(sink):
            bb = Body(V(-8, STAND_HIP + sh_ - sink, 0), up=sag(84), fwd=X)
            bb.head(up=sag(90), fwd=X)
            bb.leg_to("R", V(6, sh_ + 13, HIP_W), pole=X)
            bb.leg("L", d(0.45, -1, 0), d(0.35, -1, 0), foot=d(1, 0.15, 0), foot_up=Y)
            return bb
        sink = solve(lambda s: -build(s).foot_points("L")[0].y, 0, 120, -1.0)
        b = build(sink)
    else:
        b = Body(V(-2, STAND_HIP + sh_, 0), up=Y, fwd=X)
        b.leg_to("R", V(6, sh_ + 13, HIP_W), pole=X)
        b.leg("L", d(0.22, -1, 0), d(0.22, -1, 0), foot=d(1, 0.1, 0), foot_up=Y)
    sh = b.shoulder("L")
    b.arm_to("L", V(sh.x + 26, 181, -70), pole=d(-0.3, -1, -0.3), hand=d(1, -0.3, 0), style="fist")
    b.arm("R", sag(-95, 0.1), sag(-80))
    b.merge = []
    sc.body(b)
    if end:
        heel = b.foot_points("L")[0]
        arrow(sc, V(heel.x + 40, 70, 40), V(heel.x + 40, 20, 40), bend=0.0)
    return sc


@exercise("ankle-foot", "heel-drop",
          "Heel drop start: on the balls of both feet on the edge of a step, up on the toes, holding the railing",
          "Heel drop: weight on the right foot, right heel lowered slowly below the step",
          scale=0.86, anchor="floor")
def heel_drop(end):
    sc = Scene(-15, 3)
    sc.floor(0)
    sh_ = 36.0
    # the step lies in front (x > 0); the heels hang off its back edge at x = 0
    step_and_rail(sc, 0, 120, sh_, 20, 110)

    def ball_of_foot(bb, side):
        lg = bb.legs[side]
        return lg["A"] + lg["f"] * 22.0 - lg["u"] * 7.0

    up_toes = sag(-48)
    dropped = sag(22)
    fd_r = dropped if end else up_toes
    probe = Body(V(0, 0, 0), up=Y, fwd=X)
    probe.leg("R", -Y, -Y, foot=fd_r, foot_up=ortho(Y, fd_r))
    off = ball_of_foot(probe, "R")
    P = V(8, sh_ + 5, 0) - V(off.x, off.y, 0)
    b = Body(P, up=Y, fwd=X)
    b.leg("R", -Y, -Y, foot=fd_r, foot_up=ortho(Y, fd_r))
    if end:
        b.leg("L", d(0.12, -1, 0), d(-0.9, -0.3, 0), foot=d(-0.3, -1, 0), foot_up=d(-1, 0.3, 0))
    else:
        b.leg("L", -Y, -Y, foot=up_toes, foot_up=ortho(Y, up_toes))
    sh = b.shoulder("L")
    b.arm_to("L", V(sh.x + 30, 181, -70), pole=d(-0.3, -1, -0.3), hand=d(1, -0.3, 0),
             style="fist")
    b.arm("R", sag(-95, 0.1), sag(-80))
    b.merge = []
    if end:
        sc.ghost(heel_drop(False).bodies[0], names=("legR",))
    sc.body(b)
    if end:
        hl = b.foot_points("R")[0]
        arrow(sc, V(hl.x - 12, sh_ + 52, 40), V(hl.x - 12, sh_ + 4, 40), bend=0.0)
    return sc
