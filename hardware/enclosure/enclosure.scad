// OneStop.Feedback terminal enclosure ("thiết bị đánh giá"), parametric.
//
// A wedge-shaped desk console. The sloped front panel faces the citizen and carries the
// rating buttons, the OLED window, the status LED and the buzzer grille. The flat rear top
// faces the officer and carries the RFID badge zone. USB-C power enters at the rear.
// The body is an open-bottom shell; the lid (bottom plate) carries the perfboard with the
// ESP32-DevKitC-VE and screws into four heat-set-insert bosses.
//
// Print the body lying on a side wall (all big faces then grow vertically), the lid flat.
// Render:
//   xvfb-run -a openscad -o preview.png --imgsize=1200,900 --viewall --autocenter enclosure.scad
//   openscad -o body.stl -D 'part="body"' enclosure.scad
//   openscad -o lid.stl  -D 'part="lid"'  enclosure.scad
// Parts: "assembly" (preview with dummy buttons), "body", "lid", "exploded".
// Units: mm. Keep hardware/pinmap.json and ASSEMBLY.md in step with the button order.

/* [What to render] */
part = "assembly";          // [assembly, exploded, body, lid]

/* [Buttons] */
n_buttons        = 5;       // [3:1:5] 3-, 4- or 5-level scale
button_hole_d    = 30.2;    // 30 mm snap-in arcade button (Sanwa OBSF-30 type). Use 28.2 for nut-type "30 mm" buttons: measure yours
button_pitch     = 40;      // centre-to-centre; bezels are about 33-35 mm
button_seat_t    = 2.0;     // panel thickness left around each hole (snap-in clips want 1.5-2.5 mm)
button_seat_d    = 37;      // counterbore from the inside that thins the panel around each hole
label_pockets    = true;    // 0.6 mm pockets under the buttons for printed labels
engrave_labels   = true;    // engrave the Vietnamese label text in the pockets

/* [Body] */
wall        = 3.0;
side_margin = 20;           // panel border left/right of the outer buttons (5 buttons: 240 mm wide)
min_width   = 160;          // keeps the badge zone and OLED row comfortable on 3-button boxes
h_front     = 40;           // height of the front edge
h_back      = 82;           // height of the rear (officer) part
slant_depth = 100;          // horizontal depth of the sloped panel
depth       = 160;          // total depth (front to rear)
edge_r      = 4;            // rounding of the profile edges
corner_r    = 8;            // rounding of the vertical corners

/* [Panel layout, distances measured up the slope from its front edge] */
u_buttons   = 42;
u_labels    = 14;
u_oled      = 82;
oled_window = [25, 14];     // visible area of a 0.96" SSD1306 is 21.7 x 10.9 mm
oled_pcb    = [27.6, 28.0]; // module PCB (measure yours)
oled_holes  = [23.4, 23.8]; // mounting-hole spacing of the module (measure yours)
oled_window_offset = [0, 0];// window centre relative to PCB centre
status_led_d = 5.2;         // 5 mm LED, press fit (or 6.2 for a chrome LED holder)
buzzer_d     = 12.2;        // 12 mm passive buzzer
led_buzzer_dx = 42;         // status LED right of the OLED, buzzer left of it (seen from the citizen)

/* [Officer side] */
rfid_pcb    = [61, 40.5];   // MFRC522 module 60 x 39.5 mm (+ clearance)
rfid_roof_t = 2.0;          // thinned roof over the antenna (MFRC522 reads through 2 mm PETG easily)
badge_icon  = true;
badge_text  = "Chạm thẻ cán bộ";

/* [Power] */
usbc_cut    = [9.6, 3.8];   // USB-C receptacle opening
usbc_x      = 30;           // from the left outer side (seen from the citizen)
usbc_z      = 9;            // centre height above the table

/* [Lid and screws] */
lid_t       = 3.0;
insert_d    = 4.2;          // M3 heat-set insert (e.g. 4.0 mm OD x 5.7 mm)
insert_depth= 6.5;
boss_d      = 10;
boss_h      = 18;
screw_d     = 3.4;          // M3 clearance
screw_head_d= 6.4;          // countersunk M3 (ISO 10642 head 6 mm)
pcb_size    = [70, 90];     // 7 x 9 cm perfboard carrying the DevKitC
pcb_hole_inset = 2.5;
standoff_h  = 8;
foot_d      = 10.5;         // self-adhesive rubber feet

/* [Quality] */
$fn = 64;

// ---------------------------------------------------------------- derived values
width  = max(n_buttons * button_pitch + 2 * side_margin, min_width);
angle  = atan((h_back - h_front) / slant_depth);
slant_len = sqrt(pow(h_back - h_front, 2) + pow(slant_depth, 2));
flat_depth = depth - slant_depth;
eps = 0.01;

labels5 = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"];
labels4 = ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không hài lòng"];
labels3 = ["Rất hài lòng", "Hài lòng", "Chưa hài lòng"];
labels  = n_buttons == 5 ? labels5 : n_buttons == 4 ? labels4 : labels3;
// best on the left (seen by the citizen), score N ... 1
cap_colours5 = ["#1b9e3e", "#8cc63f", "#f2c200", "#f07f1d", "#d7261e"];
cap_colours4 = ["#1b9e3e", "#8cc63f", "#f07f1d", "#d7261e"];
cap_colours3 = ["#1b9e3e", "#f2c200", "#d7261e"];
cap_colours  = n_buttons == 5 ? cap_colours5 : n_buttons == 4 ? cap_colours4 : cap_colours3;

function button_x(i) = width / 2 + (i - (n_buttons - 1) / 2) * button_pitch;

// ---------------------------------------------------------------- shapes
// Side profile in the (y, z) plane: y = depth from the citizen side, z = height.
module profile_2d() {
    // only the top edges are rounded; the bottom edge meets the lid square
    union() {
        offset(r = edge_r) offset(delta = -edge_r)
            polygon([[0, 0], [0, h_front], [slant_depth, h_back], [depth, h_back], [depth, 0]]);
        square([depth, h_front / 2]);
    }
}

module footprint_2d(inset = 0) {
    translate([inset, inset])
        offset(r = corner_r - inset) offset(delta = -(corner_r))
            square([width - 2 * inset, depth - 2 * inset]) ;
}

// Solid wedge, optionally shrunk by `inset` on all sides except the open bottom.
module wedge(inset = 0) {
    intersection() {
        // profile extruded along x
        translate([inset, 0, 0]) rotate([90, 0, 90])
            linear_extrude(width - 2 * inset)
                union() {
                    offset(delta = -inset) profile_2d();
                    // keep the bottom open for the inner solid
                    if (inset > 0) translate([inset, -1]) square([depth - 2 * inset, inset + 1]);
                }
        translate([0, 0, inset > 0 ? -1 : 0])
            linear_extrude(h_back + 2) footprint_2d(inset);
    }
}

// Places children in panel coordinates: x across, y up the slope, z out of the panel.
module on_panel() {
    translate([0, 0, h_front]) rotate([angle, 0, 0]) children();
}

// Places children on the flat officer top: x across, y towards the rear, z up.
module on_top() {
    translate([0, slant_depth, h_back]) children();
}

// ---------------------------------------------------------------- panel features
module button_cuts() {
    for (i = [0 : n_buttons - 1]) on_panel() translate([button_x(i), u_buttons, 0]) {
        cylinder(d = button_hole_d, h = 20, center = true);
        // counterbore from the inside leaves button_seat_t of panel for the snap clips
        translate([0, 0, -button_seat_t - 20]) cylinder(d = button_seat_d, h = 20);
        // anti-rotation key notch at 12 o'clock (optional for keyed buttons)
    }
}

module label_cuts() {
    if (label_pockets)
        for (i = [0 : n_buttons - 1]) on_panel() translate([button_x(i), u_labels, 0]) {
            translate([0, 0, -0.6]) linear_extrude(1) offset(r = 1.5) offset(delta = -1.5)
                square([button_pitch - 4, 11], center = true);
            if (engrave_labels)
                translate([0, 0, -1.2]) linear_extrude(1)
                    text(labels[i], size = 2.8, font = "DejaVu Sans Condensed:style=Bold",
                         halign = "center", valign = "center");
        }
}

module oled_cuts() {
    on_panel() translate([width / 2, u_oled, 0]) {
        // window with a 45 degree chamfer on the outside
        translate(oled_window_offset) hull() {
            translate([0, 0, -10]) cube([oled_window[0], oled_window[1], 20], center = true);
            translate([0, 0, 0.01]) cube([oled_window[0] + 3, oled_window[1] + 3, 0.02], center = true);
            translate([0, 0, -1.5]) cube([oled_window[0], oled_window[1], 0.02], center = true);
        }
        // pocket for the glass from the inside (glass 26.7 x 19.3 x 1.5 mm)
        translate([0, 0, -wall - 5 + 1.0]) cube([28.5, 20.5, 10], center = true);
    }
}

module status_led_cut() {
    on_panel() translate([width / 2 + led_buzzer_dx, u_oled, 0])
        cylinder(d = status_led_d, h = 20, center = true);
}

module buzzer_cuts() {
    on_panel() translate([width / 2 - led_buzzer_dx, u_oled, 0]) {
        cylinder(d = 2.2, h = 20, center = true, $fn = 16);
        for (r = [3.2, 6.0]) for (k = [0 : (r < 4 ? 5 : 11)])
            rotate(k * 360 / (r < 4 ? 6 : 12)) translate([r, 0, 0])
                cylinder(d = 1.8, h = 20, center = true, $fn = 16);
    }
}

// inside features start `bite` mm inside the panel so that they fuse with it
bite = 0.6;

module panel_features_solid() {
    // buzzer retaining ring (inside)
    on_panel() translate([width / 2 - led_buzzer_dx, u_oled, -wall + bite]) mirror([0, 0, 1])
        difference() {
            cylinder(d = buzzer_d + 3.2, h = 7 + bite);
            translate([0, 0, -1]) cylinder(d = buzzer_d, h = 9);
            // slot for the two leads
            translate([0, -(buzzer_d + 4) / 2, 3]) cube([4, buzzer_d + 4, 9], center = false);
        }
    // OLED pegs (inside): M2 self-tapping screws or heat-staked pins
    on_panel() translate([width / 2, u_oled, -wall + bite]) translate(-oled_window_offset) mirror([0, 0, 1])
        for (sx = [-1, 1]) for (sy = [-1, 1])
            translate([sx * oled_holes[0] / 2, sy * oled_holes[1] / 2, 0])
                difference() {
                    cylinder(d = 5, h = 3.5 + bite);
                    cylinder(d = 1.7, h = 10, $fn = 16);
                }
    // status LED collar (inside)
    on_panel() translate([width / 2 + led_buzzer_dx, u_oled, -wall + bite]) mirror([0, 0, 1])
        difference() { cylinder(d = status_led_d + 3, h = 4 + bite); translate([0, 0, -1]) cylinder(d = status_led_d, h = 6); }
}

// ---------------------------------------------------------------- officer side
module badge_icon_2d() {
    // ID card outline with a portrait and text lines, plus contactless waves
    difference() {
        offset(r = 3) square([46, 28], center = true);
        offset(r = 1.8) square([46, 28], center = true);
    }
    translate([-13, 2]) circle(d = 9);
    translate([-13, -9]) hull() { translate([-5, 0]) circle(d = 5); translate([5, 0]) circle(d = 5); }
    for (k = [0 : 2]) translate([6, 7 - k * 7]) square([18 - k * 4, 2.4], center = true);
    for (r = [8, 13, 18]) translate([27, 0])
        intersection() {
            difference() { circle(r = r + 1.2); circle(r = r); }
            polygon([[0, 0], [40, 28], [40, -28]]);
        }
}

module top_cuts() {
    // thin roof over the RFID antenna from the inside
    on_top() translate([width / 2, flat_depth / 2, -rfid_roof_t - 30])
        translate([-rfid_pcb[0] / 2 - 1, -rfid_pcb[1] / 2 - 1, 0]) cube([rfid_pcb[0] + 2, rfid_pcb[1] + 2, 30]);
    if (badge_icon) {
        // shallow card-shaped recess that tells where to tap
        on_top() translate([width / 2, flat_depth / 2 - 3, -0.6]) linear_extrude(1)
            offset(r = 4) offset(delta = -4) square([88, min(56, flat_depth - 14)], center = true);
        // icon and text are turned 180 degrees so that they read right way up for the officer
        on_top() translate([width / 2, flat_depth / 2 - 3, -1.2]) rotate(180) {
            translate([-10, 4]) linear_extrude(1) scale(0.8) badge_icon_2d();
            translate([0, -19]) linear_extrude(1)
                text(badge_text, size = 4.2, font = "DejaVu Sans:style=Bold", halign = "center", valign = "center");
        }
    }
}

module rfid_frame() {
    // four L-shaped corner guides under the roof; the module is pressed in, antenna up,
    // and held with two dabs of hot glue or a printed strap
    on_top() translate([width / 2, flat_depth / 2, -rfid_roof_t]) mirror([0, 0, 1])
        for (sx = [-1, 1]) for (sy = [-1, 1])
            translate([sx * (rfid_pcb[0] / 2 + 1), sy * (rfid_pcb[1] / 2 + 1), 0])
                difference() {
                    translate([-4, -4, 0]) cube([8, 8, 5]);
                    translate([-sx * 4 - 4, -sy * 4 - 4, -1]) cube([8, 8, 7]);
                }
}

module usbc_cut() {
    translate([usbc_x, depth, usbc_z]) rotate([90, 0, 0]) {
        linear_extrude(20, center = true) offset(r = 1.4) offset(delta = -1.4)
            square(usbc_cut, center = true);
        // recess outside for the plug overmould
        translate([0, 0, -1.2]) linear_extrude(2) offset(r = 2.5) offset(delta = -2.5)
            square([usbc_cut[0] + 5, usbc_cut[1] + 5], center = true);
    }
}

module usbc_cradle() {
    // two posts with M2 pilot holes for a USB-C breakout board (screw holes 15 mm apart), each tied
    // to the rear wall by a rib. Post top = PCB underside: the 1.6 mm PCB then puts the centre of a
    // 3.2 mm receptacle at usbc_z.
    post_h = usbc_z - 1.6 - 3.2 / 2;
    for (sx = [-1, 1]) translate([usbc_x + sx * 7.5, depth - wall - 9, 0])
        difference() {
            union() {
                cylinder(d = 5.5, h = post_h);
                translate([-1.5, 0, 0]) cube([3, 9 + bite, post_h]);
            }
            cylinder(d = 1.7, h = 40, $fn = 16);
        }
}

module vent_slots() {
    // low side vents (both sides) for the ESP32's warmth
    for (x = [-1, width - wall + 1]) for (k = [0 : 4])
        translate([x, depth - 70 + k * 9, 6]) cube([wall + 1, 4, 14]);
}

// ---------------------------------------------------------------- bosses
function boss_pos() = [
    [wall + boss_d / 2 - 1, wall + boss_d / 2 - 1],
    [width - wall - boss_d / 2 + 1, wall + boss_d / 2 - 1],
    [wall + boss_d / 2 - 1, depth - wall - boss_d / 2 + 1],
    [width - wall - boss_d / 2 + 1, depth - wall - boss_d / 2 + 1]];

module bosses() {
    for (p = boss_pos()) translate([p[0], p[1], lid_lip_h()]) difference() {
        union() {
            cylinder(d = boss_d, h = boss_h);
            // gusset to the corner walls
            translate([0, 0, boss_h]) cylinder(d1 = boss_d, d2 = 0.5, h = boss_d * 0.8);
        }
        translate([0, 0, -eps]) cylinder(d = insert_d, h = insert_depth);
        translate([0, 0, -eps]) cylinder(d = 2.6, h = boss_h - 2);
    }
}
function lid_lip_h() = 0;

// ---------------------------------------------------------------- parts
module body() {
    difference() {
        union() {
            difference() {
                wedge(0);
                wedge(wall);
            }
            intersection() {
                wedge(0);
                union() {
                    bosses();
                    panel_features_solid();
                    rfid_frame();
                    usbc_cradle();
                }
            }
        }
        button_cuts();
        label_cuts();
        oled_cuts();
        status_led_cut();
        buzzer_cuts();
        top_cuts();
        usbc_cut();
        vent_slots();
        // re-open the insert holes through anything above them
        for (p = boss_pos()) translate([p[0], p[1], -1]) cylinder(d = insert_d, h = insert_depth + 1);
    }
}

module lid() {
    difference() {
        union() {
            linear_extrude(lid_t) footprint_2d(0);
            // locating lip that drops into the body
            difference() {
                linear_extrude(lid_t + 3) footprint_2d(wall + 0.35);
                translate([0, 0, lid_t]) linear_extrude(10) footprint_2d(wall + 2.35);
            }
            // perfboard standoffs
            translate([width / 2 - pcb_size[0] / 2 + 20, depth - pcb_size[1] - wall - 4, 0])
                for (sx = [0, 1]) for (sy = [0, 1])
                    translate([pcb_hole_inset + sx * (pcb_size[0] - 2 * pcb_hole_inset),
                               pcb_hole_inset + sy * (pcb_size[1] - 2 * pcb_hole_inset), 0])
                        difference() {
                            cylinder(d = 6.5, h = lid_t + standoff_h);
                            cylinder(d = 2.5, h = 40, $fn = 16);
                        }
        }
        // lip relief around the bosses
        for (p = boss_pos()) translate([p[0], p[1], lid_t - eps]) cylinder(d = boss_d + 1.2, h = 10);
        // countersunk screw holes
        for (p = boss_pos()) translate([p[0], p[1], 0]) {
            translate([0, 0, -1]) cylinder(d = screw_d, h = 20);
            translate([0, 0, -eps]) cylinder(d1 = screw_head_d, d2 = screw_d, h = (screw_head_d - screw_d) / 2);
        }
        // rubber foot recesses
        for (p = boss_pos()) translate([p[0] + (p[0] < width / 2 ? 12 : -12), p[1], -eps])
            cylinder(d = foot_d, h = 0.8);
        // version / orientation mark
        translate([width / 2, 12, -eps]) mirror([1, 0, 0]) linear_extrude(0.6)
            text("OneStop.Feedback  v1  FRONT", size = 5, font = "DejaVu Sans:style=Bold", halign = "center");
    }
}

// ---------------------------------------------------------------- preview dummies
module dummy_buttons() {
    for (i = [0 : n_buttons - 1]) on_panel() translate([button_x(i), u_buttons, 0]) {
        color("#222222") cylinder(d = 33, h = 3);
        color(cap_colours[i]) translate([0, 0, 3]) cylinder(d1 = 25.5, d2 = 24, h = 6);
    }
    on_panel() translate([width / 2, u_oled, 0]) color("#0b1a2a")
        translate([0, 0, -1.3]) cube([oled_window[0] - 0.2, oled_window[1] - 0.2, 0.5], center = true);
    on_panel() translate([width / 2 - 9, u_oled + 2, -0.9]) color("#8fd3ff")
        linear_extrude(0.3) text("Đánh giá", size = 3, font = "DejaVu Sans", halign = "left", valign = "center");
    on_panel() translate([width / 2 + led_buzzer_dx, u_oled, 0]) color("#36d15a") sphere(d = 5);
}

module render_part() {
    body_col = "#f1f1ee";
    if (part == "body") body();
    else if (part == "lid") lid();
    else if (part == "exploded") {
        color(body_col) body();
        color("#5c6670") translate([0, 0, -45]) lid();
    } else {
        color(body_col) body();
        color("#5c6670") translate([0, 0, -lid_t]) lid();
        dummy_buttons();
    }
}

render_part();
