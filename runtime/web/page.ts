// The training page's HTML: controls, the live sample grid, the curves, and a status line.
export const PAGE = (name: string) =>
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>gan: ${name.replace(/[<&>]/g, "")}</title>
<style>
  body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 1.5em; color: #222; }
  button, label.file { font: inherit; padding: 0.3em 0.9em; margin-right: 0.4em; }
  #status { margin: 0.8em 0; min-height: 1.2em; }
  #error { color: #b00; }
  #rate { color: #555; margin-left: 1em; }
  .row { display: flex; gap: 2em; align-items: flex-start; flex-wrap: wrap; }
  canvas { image-rendering: pixelated; border: 1px solid #ccc; }
  #curves { flex: 1; min-width: 480px; max-width: 900px; }
  #curves svg { width: 100%; height: auto; }
  details { margin: 1em 0; }
  #spec { font-size: 0.85em; color: #333; }
</style>
</head>
<body>
<h1>${name.replace(/[<&>]/g, "")}</h1>
<div>
  <button id="start">Start</button><button id="pause">Pause</button><button id="reset">Reset</button>
  <button id="save">Download checkpoint</button>
  <label class="file">Load checkpoint <input id="load" type="file" accept=".safetensors"></label>
  <label class="file">Train on an IDX file <input id="idx" type="file" accept=".gz,.idx,.idx3-ubyte,application/octet-stream"></label>
  <span id="rate"></span> <span id="ready" hidden></span>
</div>
<div id="status">loading...</div>
<div id="error"></div>
<div class="row">
  <canvas id="samples" width="466" height="466"></canvas>
  <div id="curves"></div>
</div>
<details><summary>The spec: layers, loss, optimisers, schedule</summary><pre id="spec"></pre></details>
<script type="module" src="app.js"></script>
</body>
</html>
`;
