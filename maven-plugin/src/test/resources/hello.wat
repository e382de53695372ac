;; hello.wasm in text form (the binary is hand-assembled; this file documents it)
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0  local.get 1  i32.add)
  (func (export "fib") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $t i32)
    i32.const 0  local.set $a
    i32.const 1  local.set $b
    block
      loop
        local.get $n  i32.eqz  br_if 1
        local.get $a  local.get $b  i32.add  local.set $t
        local.get $b  local.set $a
        local.get $t  local.set $b
        local.get $n  i32.const 1  i32.sub  local.set $n
        br 0
      end
    end
    local.get $a)
  (func (export "mul64") (param i64 i64) (result i64)
    local.get 0  local.get 1  i64.mul)
  (func (export "half") (param f64) (result f64)
    local.get 0  f64.const 0.5  f64.mul))
