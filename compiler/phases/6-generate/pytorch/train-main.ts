// The driver half of every train.py: data from a .npy of rows through a DistributedSampler, the run
// folder `gan train` writes (metrics.jsonl, samples/step-N.png, checkpoints/step-N.safetensors, spec.gan),
// checkpoints in the project's safetensors layout both ways, ranks from torch.distributed's env://.
export const TRAIN_MAIN = String.raw`

# ---- data: rows of a .npy file (each example's values in the spec's range, then its label) ----


class EpochSampler(DistributedSampler):
    """A DistributedSampler whose epochs visit the examples in the WebGPU trainer's order (the Philox
    permutation of the seed and the epoch), whole batches only; this rank takes every world-th example
    of each batch, so any number of ranks reads the same batches."""

    def __init__(self, n, seed, rank, world):
        super().__init__(range(n), num_replicas=world, rank=rank, shuffle=True, seed=seed, drop_last=True)
        self.n, self.whole = n, (n // B) * B

    def __iter__(self):
        return iter(permutation(self.seed, self.epoch, self.n)[: self.whole][self.rank :: self.num_replicas].tolist())

    def __len__(self):
        return self.whole // self.num_replicas


class Batches:
    """The c-th real batch of the run (step * batches_per_step + j): this rank's rows, augmented as the spec says."""

    def __init__(self, rows, seed, rank, world, dtype, device):
        self.rows, self.seed, self.rank, self.world = rows, seed, rank, world
        self.sampler, self.local = EpochSampler(len(rows), seed, rank, world), B // world
        self.per_epoch, self.epoch, self.dtype, self.device = len(rows) // B, None, dtype, device

    def get(self, c, step, j):
        epoch, offset = divmod(c, self.per_epoch)
        if epoch != self.epoch:
            self.sampler.set_epoch(epoch)
            self.order, self.epoch = list(self.sampler), epoch
        r = np.asarray(self.rows[self.order[offset * self.local : (offset + 1) * self.local]], dtype=np.float64)
        x = r[:, :FEATURES].reshape((self.local,) + SHAPE)
        if SPEC["data"]["flip"]:  # mirrored left to right where the example's uniform is < 0.5
            u = uniform(self.seed, AUGMENT, step, j, B)[self.rank :: self.world]
            x[u < 0.5] = x[u < 0.5][..., ::-1]
        y = torch.from_numpy(r[:, FEATURES]).long().to(self.device) if CLASSES else None
        return torch.from_numpy(np.ascontiguousarray(x)).to(self.device, self.dtype), y


def read_rows(path):
    try:
        rows = np.load(path, mmap_mode="r")
    except (OSError, ValueError) as e:
        raise SystemExit(f"train.py: {path}: {e}")
    want = FEATURES + (1 if CLASSES else 0)
    if rows.ndim != 2 or rows.shape[1] != want:
        raise SystemExit(f"train.py: {path} holds {rows.shape}; the spec needs rows of {want} values (examples [n, {want}])")
    if len(rows) < B:
        raise SystemExit(f"train.py: {path}: the batch ({B}) is larger than the training set ({len(rows)} examples)")
    return rows


# ---- checkpoints: safetensors, F32, every tensor under the project's names, the spec in the metadata ----


def save_checkpoint(path, trainer, step, seed):
    arrays = {n: t.detach().to("cpu", torch.float32).contiguous().numpy() for n, t in trainer.tensors().items()}
    header, at = {"__metadata__": {"format": "gan-checkpoint/1", "name": SPEC["name"], "step": str(step), "seed": str(seed), "spec": SPEC_TEXT}}, 0
    for name in sorted(arrays):
        header[name] = {"dtype": "F32", "shape": list(arrays[name].shape), "data_offsets": [at, at + arrays[name].nbytes]}
        at += arrays[name].nbytes
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    write_atomic(path, b"".join([struct.pack("<Q", len(text)), text] + [arrays[n].tobytes() for n in sorted(arrays)]))


def load_checkpoint(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8 : 8 + n])
    except (OSError, ValueError, struct.error) as e:
        raise SystemExit(f"train.py: {path}: not a readable safetensors checkpoint ({e})")
    meta = header.pop("__metadata__", {})
    if meta.get("format") != "gan-checkpoint/1":
        raise SystemExit(f"train.py: {path}: not a gan checkpoint (metadata format {meta.get('format')!r})")
    data, tensors = raw[8 + n :], {}
    for name, t in header.items():
        if t["dtype"] != "F32":
            raise SystemExit(f"train.py: {path}: tensor {name} is {t['dtype']}, expected F32")
        b, e = t["data_offsets"]
        tensors[name] = np.frombuffer(data[b:e], dtype="<f4").reshape(t["shape"])
    want = {t[0]: tuple(t[1]) for t in SPEC["tensors"]}
    problems = [f"missing {k}" for k in want if k not in tensors] + [f"unexpected {k}" for k in tensors if k not in want]
    problems += [f"{k} is {list(v.shape)}, the spec needs {list(want[k])}" for k, v in tensors.items() if k in want and v.shape != want[k]]
    if problems:
        raise SystemExit(f"train.py: {path} does not match the spec: {'; '.join(problems[:6])}")
    if meta.get("spec") != SPEC_TEXT:
        raise SystemExit(f"train.py: {path} was trained from a different spec than this program's")
    return int(meta["step"]), int(meta["seed"]), {k: torch.from_numpy(v.astype(np.float64)) for k, v in tensors.items()}


def write_atomic(path, data):
    temp = f"{path}.tmp-{os.getpid()}"
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)


# ---- sample grids: the fixed noise batch of the WebGPU trainer, drawn by G (its average if kept) ----


def grid_png(images, cols):
    """Images [n, c, h, w] in the spec's range as a PNG grid (2x, 2-pixel grey gaps), like gan train's."""
    n, (c, h, w), (lo, hi) = len(images), SHAPE, SPEC["data"]["range"]
    pad, scale, rows = 2, 2, -(-len(images) // cols)
    width, height = cols * (w * scale + pad) + pad, rows * (h * scale + pad) + pad
    pix = np.full((height, width, c), 128, dtype=np.uint8)
    v = np.nan_to_num(np.floor((images - lo) * (255 / (hi - lo)) + 0.5), nan=0.0)
    v = np.clip(v, 0, 255).astype(np.uint8).transpose(0, 2, 3, 1).repeat(scale, 1).repeat(scale, 2)
    for i in range(n):
        top, left = pad + (i // cols) * (h * scale + pad), pad + (i % cols) * (w * scale + pad)
        pix[top : top + h * scale, left : left + w * scale] = v[i]
    raw = b"".join(b"\x00" + pix[y].tobytes() for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0 if c == 1 else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def fixed_noise(seed, n):
    prior, dim = SPEC["latent"]["prior"], SPEC["latent"]["dim"]
    if prior["kind"] == "uniform":
        return uniform(seed, FIXED_NOISE, 0, 0, n * dim).reshape(n, dim) * (prior["high"] - prior["low"]) + prior["low"]
    return normal(seed, FIXED_NOISE, 0, 0, n * dim).reshape(n, dim) * prior["std"] + prior["mean"]


def sample(trainer, z, labels):
    """G in inference mode (dropout off, batchnorm's running statistics), from its averaged tensors if the spec keeps them."""
    G, names = trainer.gan.G, trainer.trainable["G"]
    saved = {n: trainer.named[n].detach().clone() for n in names} if SPEC["average"] else None
    if saved:
        trainer.load({n: trainer.named["avg." + n] for n in names})
    G.eval()
    with torch.no_grad():
        x = G(torch.as_tensor(z).to(trainer.device, trainer.dtype), labels)
    G.train()
    if saved:
        trainer.load(saved)
    return x.cpu().double().numpy()


# ---- the run ----


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=f"Trains {SPEC['name']} with PyTorch on this machine's ranks (torchrun, srun or mpirun set RANK and WORLD_SIZE).")
    ap.add_argument("--data", default=os.path.join(here, "data.npy"), help="the training rows (.npy, float32 [n, values (+ label)]); default: data.npy beside train.py")
    ap.add_argument("--steps", type=int, help="steps to train (after --resume's step); default: the spec's steps or epochs, else until stopped")
    ap.add_argument("--out", default=os.path.join("runs", SPEC["name"] + "-pytorch"), help="the run folder")
    ap.add_argument("--resume", help="a checkpoint of this spec (from train.py or gan train) to continue from")
    ap.add_argument("--seed", type=int, help="the run's seed (default: the spec's; a resumed run keeps its own)")
    ap.add_argument("--float64", action="store_true", help="train in float64")
    ap.add_argument("--progress", choices=["lines", "json"], default="lines", help="json: one line per step on stdout, for gan train")
    args = ap.parse_args(argv)

    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    cuda = torch.cuda.is_available()
    if world > 1:
        dist.init_process_group("nccl" if cuda else "gloo", init_method="env://")
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}" if cuda else "cpu")
    dtype = torch.float64 if args.float64 else torch.float32
    rows = read_rows(args.data)
    resumed = load_checkpoint(args.resume) if args.resume else None
    seed = resumed[1] if resumed else args.seed if args.seed is not None else SPEC["seed"]
    gan = GAN().to(device, dtype)
    trainer = Trainer(gan, PhiloxNoise(seed), rank, world)
    if resumed:
        trainer.load(resumed[2])
    else:
        trainer.initialise(seed, np.asarray(rows[:, :FEATURES], dtype=np.float64).mean(0))
    start, n, per_step = resumed[0] if resumed else 0, len(rows), SPEC["per_step"]
    per_epoch = n // B
    total = start + args.steps if args.steps is not None else SPEC["steps"] if SPEC["steps"] is not None else (
        -(-SPEC["epochs"] * per_epoch // per_step) if SPEC["epochs"] is not None else None
    )
    batches = Batches(rows, seed, rank, world, dtype, device)
    lead = rank == 0
    stopping, parent = [], os.getppid()

    def emit(line):
        try:
            print(line, flush=True)
        except OSError:  # the reader is gone (gan train killed): save and stop
            stopping.append(True)

    if lead:
        for sub in ("samples", "checkpoints"):
            os.makedirs(os.path.join(args.out, sub), exist_ok=True)
        if not os.path.exists(os.path.join(args.out, "spec.gan")):
            write_atomic(os.path.join(args.out, "spec.gan"), SPEC_TEXT.encode())
        say = f"{SPEC['name']}: {n} examples from {args.data}; PyTorch {torch.__version__} on {world} rank{'s' if world > 1 else ''} ({device.type}, {'float64' if args.float64 else 'float32'})"
        emit(json.dumps({"log": say}) if args.progress == "json" else say)
        if resumed:
            said = f"resumed from {args.resume} at step {start}"
            emit(json.dumps({"log": said}) if args.progress == "json" else said)
    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, lambda *_: stopping.append(True))
    classes, cols = CLASSES, 8 if CLASSES else math.ceil(math.sqrt(SPEC["grid"]))
    z = np.tile(fixed_noise(seed, 8), (classes, 1)) if classes else fixed_noise(seed, SPEC["grid"])
    zl = torch.arange(classes).repeat_interleave(8).to(device) if classes else None
    opts, step = SPEC["optimizers"], start
    metrics_file = open(os.path.join(args.out, "metrics.jsonl"), "a") if lead else None
    clock, since = time.perf_counter(), start

    def checkpoint(s):
        if lead:
            save_checkpoint(os.path.join(args.out, "checkpoints", f"step-{s}.safetensors"), trainer, s, seed)

    def draw_samples(s):
        if lead and len(SHAPE) == 3:
            write_atomic(os.path.join(args.out, "samples", f"step-{s}.png"), grid_png(sample(trainer, z, zl), cols))

    while total is None or step < total:
        if args.progress == "json" and os.getppid() != parent:  # gan train is gone: save and stop, as for Ctrl-C
            stopping.append(True)
        stop = torch.tensor([1.0 if stopping else 0.0])
        if world > 1:
            dist.all_reduce(stop)
        if stop.item():
            break
        epoch = (step * per_step) // per_epoch
        m = trainer.step(step, epoch, [batches.get(step * per_step + j, step, j) for j in range(per_step)])
        step += 1
        if step % SPEC["log_every"] == 0 or step == total:
            keys = sorted(m)
            values = torch.stack([m[k].double().cpu() for k in keys])
            if world > 1:
                dist.all_reduce(values)
                values /= world
            now = time.perf_counter()
            record = {"step": step, "epoch": epoch, **{k: float(v) for k, v in zip(keys, values)}}
            record.update(lr=schedule(opts["D"]["lr"], step - 1, epoch), lr_g=schedule(opts["G"]["lr"], step - 1, epoch))
            record["ms_per_step"] = (now - clock) * 1000 / (step - since)
            clock, since = now, step
            if lead:
                metrics_file.write(json.dumps(record) + "\n")
                metrics_file.flush()
                line = f"step {step}{'/' + str(total) if total else ''}  d_loss {record['d_loss']:.4f}  g_loss {record['g_loss']:.4f}  {record['ms_per_step']:.1f} ms/step"
                emit(json.dumps({"progress": step, "total": total, "metrics": record}) if args.progress == "json" else line)
        elif lead and args.progress == "json":
            emit(json.dumps({"progress": step, "total": total}))
        if step % SPEC["sample_every"] == 0:
            draw_samples(step)
        if step % SPEC["checkpoint_every"] == 0:
            checkpoint(step)
    if step % SPEC["sample_every"] != 0:
        draw_samples(step)
    if step % SPEC["checkpoint_every"] != 0 or step == start:
        checkpoint(step)
    if lead:
        metrics_file.close()
        done = f"{'stopped' if stopping else 'trained'} at step {step}; checkpoint {os.path.join(args.out, 'checkpoints', f'step-{step}.safetensors')}"
        emit(json.dumps({"log": done}) if args.progress == "json" else done)
    if world > 1:
        dist.destroy_process_group()
    return 130 if stopping else 0


if __name__ == "__main__":
    sys.exit(main())
`;
