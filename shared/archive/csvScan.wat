;; Byte scan of CSV records with WebAssembly SIMD: the same state machine as the JS scan in
;; csvRecords.ts (scanJs), 16 bytes at a time. See csvScanWasm.ts for the memory layout.
;; Compiled into csvScanWasmBytes.ts by `npm run build:wasm`.
(module
  (memory (export "memory") 1)
  ;; State (i32 at byte offsets): 0 odd, 4 extra, 8 quotes, 12 fieldStart, 16 mess, 20 nc, 24 recordCommas,
  ;; 28 start, 32 found (numbers written), 36 byte before the input (-1: none), 40 closeAt (where the last
  ;; quoted section closed, from the record's start; -2: none).
  (func (export "scan") (param $in i32) (param $len i32) (param $from i32) (param $commas i32) (param $found i32)
    (local $i i32) (local $odd i32) (local $recBase i32) (local $cum i32) (local $quotes i32)
    (local $fieldStart i32) (local $mess i32) (local $nc i32) (local $rc i32) (local $start i32) (local $nf i32)
    (local $v v128) (local $mq i32) (local $mc i32) (local $mcont i32) (local $mfour i32) (local $s i32)
    (local $p i32) (local $below i32) (local $k i32) (local $ext i32) (local $bit i32) (local $end i32) (local $prev i32)
    (local $closeAt i32) (local $at i32)
    (local.set $odd (i32.load (i32.const 0)))
    (local.set $recBase (i32.sub (i32.const 0) (i32.load (i32.const 4))))
    (local.set $quotes (i32.load (i32.const 8)))
    (local.set $fieldStart (i32.load (i32.const 12)))
    (local.set $mess (i32.load (i32.const 16)))
    (local.set $nc (i32.load (i32.const 20)))
    (local.set $rc (i32.load (i32.const 24)))
    (local.set $start (i32.load (i32.const 28)))
    (local.set $closeAt (i32.load (i32.const 40)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $v (v128.load (i32.add (local.get $in) (local.get $i))))
        (local.set $mq (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x22)))))
        (local.set $mc (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2c)))))
        (local.set $s (i32.or (i32.or (local.get $mq) (local.get $mc))
          (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0a))))))
        ;; Continuation bytes (0x80-0xbf) add no UTF-16 unit; 4-byte leaders (0xf0-) add one (a surrogate pair).
        (local.set $mcont (i8x16.bitmask (i8x16.lt_s (local.get $v) (i8x16.splat (i32.const 0xc0)))))
        (local.set $mfour (i8x16.bitmask (i8x16.ge_u (local.get $v) (i8x16.splat (i32.const 0xf0)))))
        (block $bitsDone
          (loop $bits
            (br_if $bitsDone (i32.eqz (local.get $s)))
            (local.set $p (i32.ctz (local.get $s)))
            (local.set $bit (i32.shl (i32.const 1) (local.get $p)))
            (local.set $below (i32.sub (local.get $bit) (i32.const 1)))
            (local.set $k (i32.add (local.get $from) (i32.add (local.get $i) (local.get $p))))
            ;; extra of the current record up to byte k
            (local.set $ext (i32.sub
              (i32.add (local.get $cum) (i32.sub
                (i32.popcnt (i32.and (local.get $mfour) (local.get $below)))
                (i32.popcnt (i32.and (local.get $mcont) (local.get $below)))))
              (local.get $recBase)))
            (if (i32.and (local.get $mq) (local.get $bit))
              (then
                (local.set $quotes (i32.add (local.get $quotes) (i32.const 1)))
                (if (i32.or (i32.gt_u (local.get $quotes) (i32.const 2))
                      (i32.and (i32.eq (local.get $quotes) (i32.const 1))
                        (i32.ne (i32.sub (local.get $k) (local.get $start)) (local.get $fieldStart))))
                  (then (local.set $mess (i32.const 1))))
                ;; A quote opens a quoted section only where the field starts or right after the
                ;; quote that closed one (a doubled quote); elsewhere it is a character of the field.
                (local.set $at (i32.sub (local.get $k) (local.get $start)))
                (if (local.get $odd)
                  (then
                    (local.set $odd (i32.const 0))
                    (local.set $closeAt (local.get $at)))
                  (else
                    (if (i32.or (i32.eq (local.get $at) (local.get $fieldStart))
                          (i32.eq (i32.sub (local.get $at) (i32.const 1)) (local.get $closeAt)))
                      (then (local.set $odd (i32.const 1)))))))
              (else
                (if (i32.eqz (local.get $odd))
                  (then
                    (if (i32.and (local.get $mc) (local.get $bit))
                      (then
                        (i32.store (i32.add (local.get $commas) (i32.shl (local.get $nc) (i32.const 2)))
                          (i32.add (i32.sub (local.get $k) (local.get $start)) (local.get $ext)))
                        (local.set $nc (i32.add (local.get $nc) (i32.const 1)))
                        (local.set $quotes (i32.const 0))
                        (local.set $fieldStart (i32.sub (i32.add (local.get $k) (i32.const 1)) (local.get $start))))
                      (else
                        ;; a line feed outside quotes: the record ends (before a CR that precedes it)
                        (local.set $end (local.get $k))
                        (if (i32.gt_s (local.get $k) (local.get $start))
                          (then
                            (local.set $prev (if (result i32) (i32.add (local.get $i) (local.get $p))
                              (then (i32.load8_u (i32.sub (i32.add (local.get $in) (i32.add (local.get $i) (local.get $p))) (i32.const 1))))
                              (else (i32.load (i32.const 36)))))
                            (if (i32.eq (local.get $prev) (i32.const 0x0d))
                              (then (local.set $end (i32.sub (local.get $k) (i32.const 1)))))))
                        (i32.store (local.get $found) (local.get $start))
                        (i32.store offset=4 (local.get $found) (local.get $end))
                        (i32.store offset=8 (local.get $found) (local.get $ext))
                        (i32.store offset=12 (local.get $found) (local.get $rc))
                        (i32.store offset=16 (local.get $found) (local.get $nc))
                        (i32.store offset=20 (local.get $found) (local.get $mess))
                        (local.set $found (i32.add (local.get $found) (i32.const 24)))
                        (local.set $nf (i32.add (local.get $nf) (i32.const 6)))
                        (local.set $start (i32.add (local.get $k) (i32.const 1)))
                        (local.set $recBase (i32.add (local.get $recBase) (local.get $ext)))
                        (local.set $quotes (i32.const 0))
                        (local.set $fieldStart (i32.const 0))
                        (local.set $mess (i32.const 0))
                        (local.set $closeAt (i32.const -2))
                        (local.set $rc (local.get $nc))))))))
            (local.set $s (i32.and (local.get $s) (i32.sub (local.get $s) (i32.const 1))))
            (br $bits)))
        (local.set $cum (i32.add (local.get $cum)
          (i32.sub (i32.popcnt (local.get $mfour)) (i32.popcnt (local.get $mcont)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (i32.store (i32.const 0) (local.get $odd))
    (i32.store (i32.const 4) (i32.sub (local.get $cum) (local.get $recBase)))
    (i32.store (i32.const 8) (local.get $quotes))
    (i32.store (i32.const 12) (local.get $fieldStart))
    (i32.store (i32.const 16) (local.get $mess))
    (i32.store (i32.const 20) (local.get $nc))
    (i32.store (i32.const 24) (local.get $rc))
    (i32.store (i32.const 28) (local.get $start))
    (i32.store (i32.const 32) (local.get $nf))
    (i32.store (i32.const 40) (local.get $closeAt))))
