// g: conv2d_t + mul -> [64, 1, 28, 28]
// fuses: mul x6, conv2d_t, add, sub x2, cmplt; spec line 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 784u + wg.x) * 64u + li;
  if (i >= 50176u) { return; }

  let xo = i % 28u; let yo = (i / 28u) % 28u; let co = (i / 784u) % 1u; let n = i / 784u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 14) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 14) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 64u; ci++) {
        let v0 = temp[3669248u + (((n * 64u + ci) * 14u + p) * 14u + q)] * 0.200000003;
        let v1 = select(0.0, 1.0, temp[3669248u + (((n * 64u + ci) * 14u + p) * 14u + q)] < v0);
        let v2 = 1.0 - v1;
        let v3 = temp[5274880u + (((n * 64u + ci) * 14u + p) * 14u + q)] * v2;
        let v4 = temp[5274880u + (((n * 64u + ci) * 14u + p) * 14u + q)] * v1;
        let v5 = v4 * 0.200000003;
        let v6 = v3 + v5;
        acc = fma(v6, state[766401u + (((ci * 1u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = temp[3619072u + (i)] * temp[3619072u + (i)];
  let v1 = 1.0 - v0;
  let v2 = acc * v1;
  temp[4472064u + i] = v2;
}
