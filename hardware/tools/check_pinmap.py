"""Checks hardware/pinmap.json against the ESP32 pin rules and against Pins.cs.

Run from the repository root:  python3 hardware/tools/check_pinmap.py
Exit code 0 = all good; every problem is printed on its own line.
"""
import json, os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
PINMAP = os.path.join(ROOT, 'hardware', 'pinmap.json')
PINS_CS = os.path.join(ROOT, 'firmware', 'OneStop.Feedback.Firmware', 'Pins.cs')

FLASH = set(range(6, 12))          # SPI flash
PSRAM = {16, 17}                   # WROVER PSRAM
UART0 = {1, 3}                     # flashing / debugger
STRAPPING = {0, 2, 5, 12, 15}
INPUT_ONLY = {34, 35, 36, 37, 38, 39}
VALID = set(range(0, 40)) - {20, 24, 28, 29, 30, 31}   # GPIOs that exist on ESP32

def main():
    pm = json.load(open(PINMAP, encoding='utf-8'))
    errors = []
    for key in ('board', 'version', 'rules', 'pins'):
        if key not in pm:
            errors.append(f'missing top-level field "{key}"')
    pins = pm.get('pins', [])
    seen_names, seen_gpio = set(), {}
    for p in pins:
        n, g = p.get('name'), p.get('gpio')
        for f in ('name', 'gpio', 'direction', 'pull', 'function', 'notes'):
            if f not in p:
                errors.append(f'{n}: missing field "{f}"')
        if not re.fullmatch(r'[A-Z][A-Za-z0-9]*', n or ''):
            errors.append(f'{n}: not a valid C# PascalCase identifier')
        if n in seen_names:
            errors.append(f'{n}: duplicate name')
        seen_names.add(n)
        if g in seen_gpio:
            errors.append(f'{n}: GPIO{g} already used by {seen_gpio[g]}')
        seen_gpio[g] = n
        d, pull = p.get('direction'), p.get('pull')
        if d not in ('input', 'output', 'bidirectional'):
            errors.append(f'{n}: direction "{d}" not input/output/bidirectional')
        if pull not in ('up', 'down', 'none'):
            errors.append(f'{n}: pull "{pull}" not up/down/none')
        if g not in VALID:
            errors.append(f'{n}: GPIO{g} does not exist on ESP32')
        if g in FLASH:
            errors.append(f'{n}: GPIO{g} is an SPI flash pin')
        if g in PSRAM:
            errors.append(f'{n}: GPIO{g} is used by the WROVER PSRAM')
        if g in UART0:
            errors.append(f'{n}: GPIO{g} is UART0 (flashing/debugger)')
        if g in INPUT_ONLY and d != 'input':
            errors.append(f'{n}: GPIO{g} is input-only but direction is {d}')
        if g in INPUT_ONLY and pull != 'none' and 'external' not in p.get('pullSource', ''):
            errors.append(f'{n}: GPIO{g} has no internal pull; pullSource must say "external"')
        if n.startswith('Button') and not n.startswith('ButtonLed') and g in STRAPPING:
            errors.append(f'{n}: button on strapping pin GPIO{g}')
        if g in (0, 12):
            errors.append(f'{n}: GPIO{g} is a boot-critical strapping pin')
    # Pins.cs agreement
    src = open(PINS_CS, encoding='utf-8').read()
    consts = re.findall(r'public\s+const\s+int\s+(\w+)\s*=\s*(\d+)\s*;', src)
    cs = {k: int(v) for k, v in consts}
    if len(cs) != len(consts):
        errors.append('Pins.cs: duplicate constant names')
    js = {p['name']: p['gpio'] for p in pins}
    for k in sorted(set(js) | set(cs)):
        if k not in cs:
            errors.append(f'Pins.cs: missing {k} = {js[k]}')
        elif k not in js:
            errors.append(f'Pins.cs: {k} is not in pinmap.json')
        elif cs[k] != js[k]:
            errors.append(f'Pins.cs: {k} = {cs[k]} but pinmap.json says {js[k]}')
    if re.search(r'^\s*namespace\s+[\w.]+\s*;', src, re.M):
        errors.append('Pins.cs: file-scoped namespace (nanoFramework needs C# 9 block scope)')
    if 'namespace OneStop.Feedback.Firmware' not in src or 'static class Pins' not in src:
        errors.append('Pins.cs: expected static class Pins in namespace OneStop.Feedback.Firmware')
    for e in errors:
        print('FAIL', e)
    if not errors:
        print(f'OK: {len(js)} pins, pinmap.json v{pm["version"]} and Pins.cs agree, ESP32 rules hold')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
