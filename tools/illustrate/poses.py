"""One function per exercise. Each takes `end` (False = start position,
True = end / hold position) and returns a Scene.

World conventions (see geom.py): Y is up, the floor is Y = 0, a side view
(yaw 0) looks along -Z, so a figure facing +X shows its RIGHT side to the
viewer; a figure facing +Z (towards the viewer) has its right side on the
image left. Lengths are in figure units (standing figure ~322 tall).
"""

from geom import V, X, Y, Z, d, sag, rotate, nlerp, lerp, ortho
from figure import Body, STAND_HIP, HIP_W, THIGH, SHIN, UPPER_ARM, FOREARM, TORSO
from scene import Scene
import props

REGISTRY = []
MAT = 4.0  # mat thickness


def exercise(region, ex_id, start_title, end_title, scale=1.0, anchor="center", dx=0.0,
             dy=0.0, focus=None, check=True):
    def deco(fn):
        REGISTRY.append(dict(region=region, id=ex_id, titles=(start_title, end_title), fn=fn,
                             scale=scale, anchor=anchor, dx=dx, dy=dy, focus=focus, check=check))
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
          "Clamshell finish: top knee lifted, feet still together", scale=1.12)
def clamshell(end):
    sc = Scene(0, 24)
    props.floor_mat(sc, -175, 175, -45, 95)
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
    b.merge = ["R"]
    b.order_bias["legL"] = -200
    sc.body(b)
    if end:
        k1 = b.legs["R"]["K"]
        arrow(sc, k0 + V(-6, 18, 12), k1 + V(-4, 14, 14), bend=-0.25)
    return sc
