"""Writes hardware/wiring.svg. GPIO numbers, header positions and the version come from
hardware/pinmap.json; the drawing layout is placed by hand below. Run: python3 hardware/tools/wiring_svg.py
then preview: rsvg-convert -w 1480 hardware/wiring.svg -o hardware/wiring.png"""
import json, os
HW = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
pm = json.load(open(os.path.join(HW, 'pinmap.json'), encoding='utf-8'))
P = {p['name']: p for p in pm['pins']}
out = []
def a(s): out.append(s)
F = 'font-family="DejaVu Sans, Arial, Helvetica, sans-serif"'
def text(x, y, s, size=12, anchor='start', weight='normal', fill='#222', extra=''):
    s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    a(f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" fill="{fill}" {extra}>{s}</text>')
def line(x1, y1, x2, y2, c='#222', w=2):
    a(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{c}" stroke-width="{w}" stroke-linecap="round"/>')
def poly(pts, c='#222', w=2, fill='none'):
    a(f'<polyline points="{" ".join(f"{x},{y}" for x, y in pts)}" stroke="{c}" stroke-width="{w}" fill="{fill}" stroke-linejoin="round"/>')
def dot(x, y, c='#222'): a(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{c}"/>')
def rect(x, y, w, h, fill='#fff', stroke='#222', sw=2, rx=6):
    a(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>')
def gnd(x, y, c='#222'):  # ground symbol hanging below (x, y)
    line(x, y, x, y + 8, c); line(x - 9, y + 8, x + 9, y + 8, c); line(x - 6, y + 12, x + 6, y + 12, c); line(x - 3, y + 16, x + 3, y + 16, c)
def flag(x, y, label, c, up=True):  # power flag: short stem and bar with text
    d = -1 if up else 1
    line(x, y, x, y + d * 10, c); line(x - 10, y + d * 10, x + 10, y + d * 10, c, 2.5)
    text(x, y + d * 14 + (0 if up else 10), label, 11, 'middle', 'bold', c)
def flag_h(x, y, label, c, left=True):  # horizontal power flag at end of a wire
    d = -1 if left else 1
    line(x, y, x + d * 10, y, c); line(x + d * 10, y - 8, x + d * 10, y + 8, c, 2.5)
    text(x + d * 14, y + 4, label, 11, 'end' if left else 'start', 'bold', c)
def res_h(x1, x2, y, label, c='#222'):  # horizontal resistor between x1 and x2
    m = (x1 + x2) / 2
    line(x1, y, m - 16, y, c); line(m + 16, y, x2, y, c)
    a(f'<rect x="{m-16}" y="{y-6}" width="32" height="12" fill="#fff" stroke="{c}" stroke-width="2"/>')
    text(m, y - 10, label, 10, 'middle', 'normal', '#444')
def res_v(x, y1, y2, label, c='#222'):
    m = (y1 + y2) / 2
    line(x, y1, x, m - 13, c); line(x, m + 13, x, y2, c)
    a(f'<rect x="{x-5}" y="{m-13}" width="10" height="26" fill="#fff" stroke="{c}" stroke-width="2"/>')
    text(x + 9, m + 4, label, 10, 'start', 'normal', '#444')
def cap_v(x, y1, y2, label, c='#222'):
    m = (y1 + y2) / 2
    line(x, y1, x, m - 3, c); line(x, m + 3, x, y2, c)
    line(x - 8, m - 3, x + 8, m - 3, c, 2.5); line(x - 8, m + 3, x + 8, m + 3, c, 2.5)
    text(x - 11, m + 4, label, 10, 'end', 'normal', '#444')
def diode_h(xa, xk, y, c='#222', fill='#fff'):  # anode xa -> cathode xk (xk > xa)
    m = (xa + xk) / 2
    line(xa, y, m - 8, y, c); line(m + 8, y, xk, y, c)
    a(f'<polygon points="{m-8},{y-8} {m-8},{y+8} {m+8},{y}" fill="{fill}" stroke="{c}" stroke-width="2"/>')
    line(m + 8, y - 8, m + 8, y + 8, c, 2)
def led_h(xa, xk, y, colour):
    diode_h(xa, xk, y, '#222', colour)
    m = (xa + xk) / 2
    for k in (0, 7):
        line(m - 2 + k, y - 10, m + 4 + k, y - 18, '#666', 1.5); poly([(m + 1 + k, y - 18), (m + 4 + k, y - 18), (m + 4 + k, y - 15)], '#666', 1.5)
def switch(x1, x2, y, c):  # push button between x1 (left) and x2 (right)
    line(x1, y, x1 + 8, y, c); line(x2 - 8, y, x2, y, c)
    a(f'<circle cx="{x1+10}" cy="{y}" r="2.5" fill="#fff" stroke="{c}" stroke-width="2"/>')
    a(f'<circle cx="{x2-10}" cy="{y}" r="2.5" fill="#fff" stroke="{c}" stroke-width="2"/>')
    line(x1 + 8, y - 9, x2 - 8, y - 9, c); line((x1 + x2) / 2, y - 9, (x1 + x2) / 2, y - 18, c); line((x1 + x2) / 2 - 6, y - 18, (x1 + x2) / 2 + 6, y - 18, c)

C_BTN, C_LED, C_SPI, C_I2C, C_ST, C_5V, C_3V3, C_G = '#1565c0', '#6a1b9a', '#2e7d32', '#00838f', '#bf360c', '#c62828', '#e65100', '#222'
W, H = 1480, 1130
a(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" {F}>')
a(f'<rect width="{W}" height="{H}" fill="#ffffff"/>')
text(30, 38, 'OneStop.Feedback terminal · wiring', 24, weight='bold')
text(30, 62, f'matches hardware/pinmap.json v{pm["version"]} · ESP32-DevKitC-VE seen from the component side', 13, fill='#555')
text(W - 30, 38, 'Crossing wires without a dot are not connected.', 12, 'end', fill='#555')
text(W - 30, 58, 'Wires: blue buttons · purple LED/buzzer drive · green SPI · teal I2C · red +5 V · orange 3V3', 12, 'end', fill='#555')

# ---------------- ESP32 block
EX1, EX2, EY1, EY2 = 600, 840, 100, 990
rect(EX1, EY1, EX2 - EX1, EY2 - EY1, '#f4f7fb', '#263238', 3, 10)
cx = (EX1 + EX2) / 2
cx = cx + 12
text(cx, 852, 'ESP32-DevKitC-VE', 17, 'middle', 'bold')
text(cx, 872, 'module ESP32-WROVER-E', 12, 'middle')
text(cx, 888, '8 MB flash · 8 MB PSRAM', 12, 'middle')
text(cx, 904, 'nanoff target ESP32_PSRAM_REV3', 12, 'middle')
text(cx, 928, 'not used: GPIO0, 1, 3, 12,', 11, 'middle', fill='#777')
text(cx, 942, '16, 17 (PSRAM), 6–11 (flash)', 11, 'middle', fill='#777')
text(cx, 978, 'micro-USB (flashing) ↓', 11, 'middle', fill='#777')
cx = cx - 12
text(cx, 122, '↑ antenna end (keep clear)', 11, 'middle', fill='#777')
text(EX1 + 6, EY1 - 8, 'J2 (left header)', 12, weight='bold', fill='#455a64')
text(EX2 - 6, EY1 - 8, 'J3 (right header)', 12, 'end', 'bold', fill='#455a64')

def epin_left(y, hdr, gpio):
    line(EX1 - 20, y, EX1, y, '#263238', 3)
    text(EX1 + 8, y + 4, f'{gpio}', 12, weight='bold'); text(EX1 + 8, y + 17, hdr, 9, fill='#78909c')
def epin_right(y, hdr, gpio):
    line(EX2, y, EX2 + 20, y, '#263238', 3)
    text(EX2 - 8, y + 4, f'{gpio}', 12, 'end', 'bold'); text(EX2 - 8, y + 17, hdr, 9, 'end', fill='#78909c')
def gp(name): return P[name]['gpio']
def hdr(name): return P[name]['header'].split(' ')[0]

# ---------------- left: power pins
epin_left(140, 'J2-1', '3V3'); flag_h(EX1 - 20, 140, '3V3', C_3V3)
epin_left(750, 'J2-14', 'GND'); line(EX1 - 20, 750, EX1 - 40, 750); gnd(EX1 - 40, 750)
epin_left(950, 'J2-19', '5V')

# ---------------- left: buttons
labels5 = {1: 'Rất không hài lòng', 2: 'Không hài lòng', 3: 'Bình thường', 4: 'Hài lòng', 5: 'Rất hài lòng'}
pos = {1: 'rightmost', 2: '4th from left', 3: 'middle', 4: '2nd from left', 5: 'leftmost'}
text(30, 112, 'Rating buttons (arcade switch NO contact to GND)', 13, weight='bold', fill=C_BTN)
for i, y in zip(range(1, 6), (200, 262, 324, 386, 448)):
    n = f'ButtonLevel{i}'
    g = gp(n); gname = f'GPIO{g}' + (' (VP)' if g == 36 else ' (VN)' if g == 39 else '')
    epin_left(y, hdr(n), gname)
    line(430, y, EX1 - 20, y, C_BTN)
    text(EX1 - 24, y - 6, n, 11, 'end', 'bold', C_BTN)
    dot(470, y, C_BTN); dot(430, y, C_BTN)
    res_v(470, y - 40, y, '10k', C_BTN); flag(470, y - 40, '', C_3V3); text(484, y - 46, '3V3', 10, fill=C_3V3)
    cap_v(430, y, y + 30, '100n', C_BTN); gnd(430, y + 30)
    line(400, y, 430, y, C_BTN)
    switch(340, 400, y, C_BTN)
    line(320, y, 340, y, C_BTN); gnd(320, y)
    text(30, y - 4, f'S{i} · score {i}' + (' (worst)' if i == 1 else ' (best)' if i == 5 else ''), 12, weight='bold')
    text(30, y + 12, f'5-level: “{labels5[i]}”, {pos[i]}', 11, fill='#555')
text(30, 486, 'Fit S1..SN only on an N-button box.', 11, fill='#555')
text(30, 501, 'Every input: 10 kΩ to 3V3 + 100 nF to GND.', 11, fill='#555')

# ---------------- left: ULN2003A with button LEDs and buzzer
UX1, UX2, UY1, UY2 = 380, 500, 520, 900
rect(UX1, UY1, UX2 - UX1, UY2 - UY1, '#fbf7fd', '#4a148c', 2.5, 6)
text((UX1 + UX2) / 2, 890, 'U1', 13, 'middle', 'bold', '#4a148c')
text((UX1 + UX2) / 2, 876, 'ULN2003A', 11, 'middle', 'bold', '#4a148c')
ins = [('ButtonLed1', 540, 1, 16), ('ButtonLed2', 580, 2, 15), ('ButtonLed3', 620, 3, 14), ('ButtonLed4', 660, 4, 13), ('ButtonLed5', 700, 5, 12), ('Buzzer', 800, 6, 11)]
for n, y, k, ok in ins:
    g = gp(n)
    epin_left(y, hdr(n), f'GPIO{g}')
    line(UX2, y, EX1 - 20, y, C_LED)
    text(EX1 - 24, y - 6, n, 11, 'end', 'bold', C_LED)
    text(UX2 - 5, y + 4, f'IN{k} ({k})', 10, 'end', fill='#4a148c')
    text(UX1 + 5, y + 4, f'OUT{k} ({ok})', 10, fill='#4a148c')
    if n != 'Buzzer':
        line(UX1, y, 300, y, C_LED)
        led_h(250, 300, y, ['#d7261e', '#f07f1d', '#f2c200', '#8cc63f', '#1b9e3e'][k - 1])
        line(230, y, 250, y, C_5V); flag_h(230, y, '+5V', C_5V)
        text(30, y + 4, f'LED of S{k} (5 V lamp)', 11)
    else:
        line(UX1, y, 310, y, C_LED)
        a(f'<rect x="260" y="{y-12}" width="50" height="24" rx="12" fill="#eceff1" stroke="#222" stroke-width="2"/>')
        text(285, y + 4, 'BZ1', 11, 'middle', 'bold')
        line(230, y, 260, y, C_5V); flag_h(230, y, '+5V', C_5V)
        text(30, y - 4, 'BZ1 passive buzzer', 11, weight='bold')
        text(30, y + 11, '5 V magnetic, PWM ~2.7 kHz', 11, fill='#555')
text(UX2 - 5, 834, 'IN7 (7)', 10, 'end', fill='#4a148c'); line(UX2, 830, 520, 830, C_G); gnd(520, 830)
text(UX2 - 5, 864, 'GND (8)', 10, 'end', fill='#4a148c')
line(UX2, 860, 560, 860, C_G); gnd(560, 860)
text(UX1 + 5, 834, 'OUT7 nc', 10, fill='#4a148c')
text(UX1 + 5, 760, 'COM (9)', 10, fill='#4a148c'); line(UX1, 756, 330, 756, C_5V); flag_h(330, 756, '+5V', C_5V)
text(30, 722, 'Lamp + to +5 V, lamp − to OUTn.', 11, fill='#555')
text(30, 738, 'Bare LEDs: add 150 Ω in series.', 11, fill='#555')
text(30, 756 + 0, 'COM clamps the buzzer coil.', 11, fill='#555')

# ---------------- bottom left: power input
text(30, 935, 'Power input', 13, weight='bold', fill=C_5V)
rect(30, 950, 150, 120, '#fff8f6', C_5V, 2, 6)
text(105, 972, 'USB-C 5 V breakout', 12, 'middle', 'bold')
text(105, 988, '(power only, 5.1 kΩ', 10, 'middle', fill='#555')
text(105, 1001, 'CC1/CC2 pull-downs', 10, 'middle', fill='#555')
text(105, 1014, 'on the board)', 10, 'middle', fill='#555')
text(172, 1034, 'VBUS', 10, 'end'); text(172, 1060, 'GND', 10, 'end')
line(180, 1030, 220, 1030, C_5V)
diode_h(220, 280, 1030, C_5V)
text(250, 1052, 'D1 1N5819', 10, 'middle', fill='#444')
line(280, 1030, 560, 1030, C_5V); dot(330, 1030, C_5V); dot(400, 1030, C_5V)
cap_v(330, 1030, 1075, '470µ', C_5V); gnd(330, 1075)
cap_v(400, 1030, 1075, '100n', C_5V); gnd(400, 1075)
text(338, 1102, 'C1 10 V electrolytic, C2 ceramic', 10, fill='#555')
line(180, 1056, 200, 1056); gnd(200, 1056)
poly([(560, 1030), (560, 950), (EX1 - 20, 950)], C_5V)
text(470, 1022, '+5V rail', 11, 'middle', 'bold', C_5V)
text(EX1 - 24, 944, '5V in', 11, 'end', 'bold', C_5V)

# ---------------- right: pins
epin_right(140, 'J3-1', 'GND'); line(EX2 + 20, 140, EX2 + 40, 140); gnd(EX2 + 40, 140)
R = {'SpiMosi': 200, 'I2cScl': 250, 'I2cSda': 290, 'SpiMiso': 350, 'SpiClock': 390, 'RfidChipSelect': 430, 'StatusLedRed': 510, 'StatusLedGreen': 560, 'RfidReset': 640}
for n, y in R.items():
    epin_right(y, hdr(n), f'GPIO{gp(n)}')

# OLED
OX1, OX2, OY1, OY2 = 960, 1120, 225, 320
rect(OX1, OY1, OX2 - OX1, OY2 - OY1, '#f2fbfc', C_I2C, 2.5, 6)
text((OX1 + OX2) / 2, 268, 'SSD1306 OLED', 12, 'middle', 'bold')
text((OX1 + OX2) / 2, 284, '0.96" 128×64, I2C 0x3C', 10, 'middle', fill='#555')
text((OX1 + OX2) / 2, 298, 'header: GND VCC SCL SDA', 9, 'middle', fill='#777')
for n, pin in (('I2cScl', 'SCL'), ('I2cSda', 'SDA')):
    y = R[n]; line(EX2 + 20, y, OX1, y, C_I2C); text(OX1 + 5, y + 4 if y > 240 else y + 4, pin, 10, fill=C_I2C)
    text(EX2 + 26, y - 6, n, 11, weight='bold', fill=C_I2C)
line(OX2, 245, OX2 + 25, 245, C_3V3); flag_h(OX2 + 25, 245, 'VCC 3V3', C_3V3, False)
text(OX2 - 5, 249, 'VCC', 10, 'end', fill=C_I2C)
line(OX2, 300, OX2 + 25, 300); gnd(OX2 + 25, 300); text(OX2 - 5, 314, 'GND', 10, 'end', fill=C_I2C)

# RFID
FX1, FX2, FY1, FY2 = 1250, 1440, 170, 680
rect(FX1, FY1, FX2 - FX1, FY2 - FY1, '#f4fbf4', C_SPI, 2.5, 6)
text((FX1 + FX2) / 2, 560 + 60, 'MFRC522 (RC522)', 13, 'middle', 'bold')
text((FX1 + FX2) / 2, 636, '3.3 V only!', 11, 'middle', 'bold', C_5V)
text((FX1 + FX2) / 2, 652, 'header: SDA SCK MOSI MISO', 9, 'middle', fill='#777')
text((FX1 + FX2) / 2, 664, 'IRQ GND RST 3.3V', 9, 'middle', fill='#777')
for k in range(4):  # antenna coil icon
    a(f'<rect x="{1330 - k*9}" y="{250 - k*9}" width="{70 + k*18}" height="{50 + k*18}" rx="6" fill="none" stroke="#a5d6a7" stroke-width="2"/>')
text(1365, 280, 'antenna', 10, 'middle', fill='#66bb6a')
for n, pin in (('SpiMosi', 'MOSI'), ('SpiMiso', 'MISO'), ('SpiClock', 'SCK'), ('RfidChipSelect', 'SDA (NSS)'), ('RfidReset', 'RST')):
    y = R[n]; line(EX2 + 20, y, FX1, y, C_SPI); text(FX1 + 5, y + 4, pin, 10, fill=C_SPI)
    text(EX2 + 26, y - 6, n, 11, weight='bold', fill=C_SPI)
text(FX1 + 5, 474, 'IRQ', 10, fill=C_SPI); line(FX1 - 14, 470, FX1, 470, '#999'); text(FX1 - 18, 474, 'nc', 10, 'end', fill='#999')
text(FX1 + 5, 534, '3.3V', 10, fill=C_SPI); line(FX1 - 20, 530, FX1, 530, C_3V3); flag_h(FX1 - 20, 530, '3V3', C_3V3)
text(FX1 + 5, 594, 'GND', 10, fill=C_SPI); line(FX1 - 20, 590, FX1, 590); gnd(FX1 - 20, 590)

# status LED
for n, y, rv, col, nm in (('StatusLedRed', 510, '330', '#e53935', 'red'), ('StatusLedGreen', 560, '270', '#43a047', 'green')):
    line(EX2 + 20, y, 950, y, C_ST)
    res_h(950, 1010, y, f'{rv} Ω', C_ST)
    led_h(1030, 1080, y, col)
    line(1010, y, 1030, y, C_ST)
    line(1080, y, 1110, y)
    text(EX2 + 26, y - 6, n, 11, weight='bold', fill=C_ST)
line(1110, 510, 1110, 560); dot(1110, 560); line(1110, 560, 1110, 575); gnd(1110, 575)
text(955, 470, 'LED1: bi-colour red/green, common cathode', 10, fill='#555')
text(955, 484, '(amber = both on), direct drive ≈ 4 mA', 10, fill='#555')

# notes
NX, NY = 880, 720
rect(NX, NY, 560, 380, '#fafafa', '#b0bec5', 1.5, 8)
text(NX + 16, NY + 28, 'Notes', 14, weight='bold')
notes = [
    'Rails: +5V from USB-C via D1 feeds the DevKitC 5V pin, button lamps,',
    '  buzzer and ULN2003A COM. 3V3 comes from the DevKitC pin J2-1 (its LDO)',
    '  and feeds OLED, MFRC522 and the button pull-ups. Join all GND.',
    'Never power the OLED or the MFRC522 from 5 V (their I/O is 3.3 V).',
    'Strapping pins: GPIO2 must stay low at boot (no pull-up on it);',
    '  GPIO5 and GPIO15 idle high (MFRC522 NSS/RST). GPIO0 and GPIO12 unused.',
    'Bus pins are not nanoFramework defaults: call Configuration.SetPinFunction',
    '  for GPIO21/22 (I2C1) and GPIO23/19/18 (SPI1) before opening the buses.',
    'Seen by the citizen, buttons read left to right: S5 S4 S3 S2 S1',
    '  (best left, worst right). 4-button box: S4..S1; 3-button box: S3..S1.',
    'Keep button wires ≤ 30 cm, twisted with their GND return.',
    'Source of truth: hardware/pinmap.json. Firmware: Pins.cs.',
    'Build notes, BOM and tests: hardware/ASSEMBLY.md, hardware/BOM.md.',
]
for i, s in enumerate(notes):
    text(NX + 16, NY + 54 + i * 24, s, 12, fill='#333')
a('</svg>')
open(os.path.join(HW, 'wiring.svg'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('ok', len(out))
