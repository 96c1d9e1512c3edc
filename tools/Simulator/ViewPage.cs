// The phone-face web page: the same control API, drawn as phones a tester can click.
namespace DeskPhone.Simulator;

/// <summary>The HTML of the view served at "/".</summary>
public static class ViewPage
{
    /// <summary>A page that polls the API and draws every phone: screen, lamps, keys.</summary>
    public const string Html = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DeskPhone simulator</title>
<style>
 body{font-family:sans-serif;background:#2b2b2b;color:#eee;margin:16px}
 .phone{display:inline-block;vertical-align:top;background:#444;border-radius:12px;padding:12px;margin:8px;width:520px}
 .top{display:flex;gap:12px}
 .screen{image-rendering:pixelated;width:384px;height:192px;background:#000;border:6px solid #111;border-radius:4px}
 .lines{display:flex;flex-direction:column;gap:4px}
 .line{display:flex;align-items:center;gap:6px}
 .lamp{width:14px;height:14px;border-radius:7px;background:#222;border:1px solid #111}
 .lamp.green{background:#3f3}.lamp.red{background:#f33}.lamp.amber{background:#fb3}
 button{background:#666;color:#fff;border:1px solid #222;border-radius:4px;padding:4px 8px;cursor:pointer;min-width:36px}
 button:active{background:#888}
 .pad{display:grid;grid-template-columns:repeat(3,44px);gap:4px;margin-top:8px}
 .row{margin-top:8px;display:flex;flex-wrap:wrap;gap:4px}
 .status{font-size:12px;color:#bbb;margin-top:6px}
</style></head>
<body><h2>DeskPhone simulator</h2><div id="phones"></div>
<script>
const api = p => fetch('/api' + p).then(r => r.json());
const post = p => fetch('/api' + p, {method: 'POST'}).then(refresh);
const lineBtn = (id, l) => `<div class="line"><span class="lamp" id="lamp-${id}-${l.lamp}"></span>
  <button onclick="post('/phones/${id}/keys/${l.key}/press')" title="long press: hold">${l.label ?? l.key}</button></div>`;
async function build() {
  const phones = await api('/phones');
  document.getElementById('phones').innerHTML = (await Promise.all(phones.map(async p => {
    const lamps = await api(`/phones/${p.id}/lamps`);
    const keys = ['1','2','3','4','5','6','7','8','9','*','0','#'];
    return `<div class="phone"><b>${p.name}</b> (${p.extension}) <small>${p.id}, ${p.board}</small>
      <div class="top"><img class="screen" id="screen-${p.id}">
      <div class="lines">${lamps.map(l => lineBtn(p.id, l)).join('')}</div></div>
      <div class="row">${[1,2,3,4].map(n => `<button onclick="post('/phones/${p.id}/keys/soft${n}/press')">soft${n}</button>`).join('')}</div>
      <div class="row"><button onclick="post('/phones/${p.id}/hook/off')">lift handset</button>
        <button onclick="post('/phones/${p.id}/hook/on')">hang up</button>
        ${['speaker','headset','dnd','vol+','vol-','page','ok','back'].map(k => `<button onclick="post('/phones/${p.id}/keys/${encodeURIComponent(k)}/press')">${k}</button>`).join('')}</div>
      <div class="pad">${keys.map(k => `<button onclick="post('/phones/${p.id}/keys/${encodeURIComponent(k)}/press')">${k}</button>`).join('')}</div>
      <div class="status" id="status-${p.id}"></div></div>`;
  }))).join('');
  refresh();
}
async function refresh() {
  for (const p of await api('/phones')) {
    document.getElementById('screen-' + p.id).src = `/api/phones/${p.id}/display.png?scale=3&t=${Date.now()}`;
    for (const l of await api(`/phones/${p.id}/lamps`)) {
      const el = document.getElementById(`lamp-${p.id}-${l.lamp}`);
      if (el) el.className = 'lamp ' + l.litNow;
    }
    document.getElementById('status-' + p.id).textContent =
      `${p.registration} · ${p.mode}${p.dialString ? ' ' + p.dialString : ''}${p.tone ? ' · tone ' + p.tone : ''} · volume ${p.volume}`;
  }
}
build(); setInterval(refresh, 250);
</script></body></html>
""";
}
