/* kg graph viewer: draws the precomputed graph with vis-network, adds search,
 * filters, a detail panel and neighbourhood highlighting.
 *
 * Safety rule: text from documents only ever reaches the page through
 * textContent or vis-network's canvas labels; this file never assigns HTML.
 * The public handle for tools and tests is window.kg; the vis-network
 * instance is window.network (as pyvis pages have it).
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";
  const big = !data.physics;
  // vis-network animates by frame count, and a frame of a big graph is slow: jump instead.
  const ANIMATION = big ? false : { duration: 350, easingFunction: "easeInOutQuad" };

  const typeById = new Map(data.types.map((t) => [t.id, t]));
  const predicateById = new Map(data.predicates.map((p) => [p.id, p]));
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const typeOn = new Map(data.types.map((t) => [t.id, true]));
  const predicateOn = new Map(data.predicates.map((p) => [p.id, true]));
  const outgoing = new Map(data.nodes.map((n) => [n.id, []]));
  const incoming = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e) => {
    outgoing.get(e.from).push(e);
    incoming.get(e.to).push(e);
  });

  // ------------------------------------------------------------ DOM helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    });
    children.forEach((child) => {
      if (child !== null && child !== undefined) node.append(child);
    });
    return node;
  }

  const SVG = "http://www.w3.org/2000/svg";
  const SHAPES = {
    dot: ["circle", { cx: 7, cy: 7, r: 5.5 }],
    square: ["rect", { x: 1.5, y: 1.5, width: 11, height: 11 }],
    diamond: ["polygon", { points: "7,0.5 13.5,7 7,13.5 0.5,7" }],
    triangle: ["polygon", { points: "7,1 13.5,12.5 0.5,12.5" }],
    triangleDown: ["polygon", { points: "0.5,1.5 13.5,1.5 7,13" }],
    hexagon: ["polygon", { points: "3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7" }],
    star: ["polygon", { points: "7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5" }],
  };

  function swatch(type) {
    const [tag, attrs] = SHAPES[type.shape] || SHAPES.dot;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    const shape = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => shape.setAttribute(k, String(v)));
    shape.setAttribute("fill", type.color);
    shape.setAttribute("stroke", darker(type.color));
    svg.append(shape);
    return svg;
  }

  function edgeSwatch(color) {
    const line = el("span", { className: "edge-swatch" });
    line.style.background = color;
    return line;
  }

  function darker(hex, amount = 0.72) {
    const n = parseInt(hex.slice(1), 16);
    const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(v * amount));
    return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
  }

  // ------------------------------------------------------------ vis data

  function visNode(n) {
    const t = typeById.get(n.type);
    const colour = { background: t.color, border: darker(t.color) };
    return {
      id: n.id,
      label: n.label,
      x: n.x,
      y: n.y,
      size: n.size,
      shape: t.shape,
      mass: 1 + Math.sqrt(outgoing.get(n.id).length + incoming.get(n.id).length),
      kgType: n.type,
      color: { ...colour, highlight: colour, hover: colour },
      font: { color: "#1f2933", size: Math.round(11 + n.size / 2.5), face: FONT, strokeWidth: 3, strokeColor: "#ffffff" },
    };
  }

  function visEdge(e) {
    const colour = predicateById.get(e.predicate).color;
    const edge = {
      id: e.id,
      from: e.from,
      to: e.to,
      label: predicateById.get(e.predicate).label,
      kgPredicate: e.predicate,
      color: { color: colour, highlight: darker(colour, 0.75), hover: darker(colour, 0.75), inherit: false },
      font: { color: "#52606d", size: 11, face: FONT, strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
    };
    if (e.curve) edge.smooth = { enabled: true, type: e.curve % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(e.curve / 2) + 0.1 };
    return edge;
  }

  const nodes = new vis.DataSet(data.nodes.map(visNode));
  const edges = new vis.DataSet(data.edges.map(visEdge));
  const nodeView = new vis.DataView(nodes, { filter: (n) => typeOn.get(n.kgType) });
  const edgeView = new vis.DataView(edges, {
    filter: (e) =>
      predicateOn.get(e.kgPredicate) &&
      typeOn.get(nodeById.get(e.from).type) &&
      typeOn.get(nodeById.get(e.to).type),
  });

  // The layout comes precomputed; vis-network's physics stays off so the page
  // opens at once and holds still. Small graphs offer it as a toggle.
  const PHYSICS = {
    enabled: true,
    solver: "barnesHut",
    barnesHut: { gravitationalConstant: -2500, centralGravity: 0.05, springLength: 120, springConstant: 0.02, damping: 0.4, avoidOverlap: 0.4 },
    stabilization: { enabled: false },
  };
  const options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false },
    interaction: {
      hover: !big,
      hideEdgesOnDrag: big,
      hideEdgesOnZoom: big,
      navigationButtons: false,
      keyboard: false,
      multiselect: false,
      tooltipDelay: 300,
    },
    // Labels appear once they would be legible; on big graphs later, which also saves drawing time.
    nodes: { borderWidth: 1.5, borderWidthSelected: 3, scaling: { label: { drawThreshold: big ? 8 : 4 } } },
    edges: {
      width: 1.2,
      selectionWidth: 0.8,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      smooth: false,
      scaling: { label: { drawThreshold: 7 } },
    },
  };

  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: [], edges: [] }, options);
  window.network = network;

  const state = { ready: false, veiled: false, keepNodes: new Set(), keepEdges: [] };

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
  }

  network.once("afterDrawing", markReady);

  /** Show the whole graph, but never magnified: a graph of three nodes stays at its natural size. */
  function fit() {
    network.fit({ animation: false });
    if (network.getScale() > 1) network.moveTo({ scale: 1, animation: false });
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  fit();
  if (data.nodes.length === 0) {
    document.getElementById("empty").hidden = false;
    markReady();
  }

  // ------------------------------------------------------------ sidebar

  const stats = document.getElementById("stats");
  stats.textContent = `${data.nodes.length} 个实体 · ${data.edges.length} 条关系 · ${data.documents.length} 篇文档`;

  function filterRow(label, count, checked, onChange, mark, id) {
    const box = el("input", { type: "checkbox", "data-id": id, onchange: (ev) => onChange(ev.target.checked) });
    box.checked = checked;
    return el(
      "li",
      null,
      el("label", null, box, mark, el("span", { className: "name", text: label }), el("span", { className: "count", text: String(count) })),
    );
  }

  const typeList = document.getElementById("types");
  data.types.forEach((t) => {
    typeList.append(filterRow(t.label, t.count, true, (on) => setTypeVisible(t.id, on), swatch(t), t.id));
  });
  const predicateList = document.getElementById("predicates");
  data.predicates.forEach((p) => {
    predicateList.append(
      filterRow(p.label, p.count, true, (on) => setPredicateVisible(p.id, on), edgeSwatch(p.color), p.id),
    );
  });

  function syncBoxes() {
    typeList.querySelectorAll("input").forEach((box) => (box.checked = typeOn.get(box.dataset.id)));
    predicateList.querySelectorAll("input").forEach((box) => (box.checked = predicateOn.get(box.dataset.id)));
  }

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    syncBoxes();
    if (state.veiled && [...state.keepNodes].some((id) => !typeOn.get(nodeById.get(id).type))) clearSelection();
  }

  function setTypeVisible(type, on) {
    typeOn.set(type, Boolean(on));
    refresh();
  }

  function setPredicateVisible(predicate, on) {
    predicateOn.set(predicate, Boolean(on));
    refresh();
  }

  document.getElementById("show-all").addEventListener("click", () => {
    typeOn.forEach((_, k) => typeOn.set(k, true));
    predicateOn.forEach((_, k) => predicateOn.set(k, true));
    refresh();
    fit();
  });
  const physicsBox = document.getElementById("physics");
  if (data.physics) {
    physicsBox.addEventListener("change", () => network.setOptions({ physics: physicsBox.checked ? PHYSICS : { enabled: false } }));
  } else {
    physicsBox.closest("label").hidden = true;
  }
  document.getElementById("fit").addEventListener("click", () => fit());

  // ------------------------------------------------------------ search

  const haystack = data.nodes.map((n) => [n.label, ...n.aliases].map((s) => s.toLowerCase()));

  /** Entities whose name or an alias contains the query: exact, then prefix, then
   * substring matches (names before aliases), important ones first. */
  function search(query, limit = 20) {
    const q = String(query).trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    data.nodes.forEach((n, i) => {
      let best = Infinity;
      let via = "";
      haystack[i].forEach((name, k) => {
        const grade = name === q ? 0 : name.startsWith(q) ? 2 : name.includes(q) ? 4 : Infinity;
        const score = grade + (k === 0 ? 0 : 1);
        if (score < best) {
          best = score;
          via = k === 0 ? "" : n.aliases[k - 1];
        }
      });
      if (best < Infinity) hits.push({ score: best, node: n, via });
    });
    hits.sort((a, b) => a.score - b.score || b.node.rank - a.node.rank || (a.node.label < b.node.label ? -1 : 1));
    return hits.slice(0, limit).map((h) => ({ id: h.node.id, label: h.node.label, type: h.node.type, alias: h.via }));
  }

  const input = document.getElementById("search");
  const results = document.getElementById("results");

  function showResults() {
    const hits = search(input.value);
    results.replaceChildren();
    if (!input.value.trim()) return;
    if (!hits.length) {
      results.append(el("li", { className: "none", text: "没有匹配的实体" }));
      return;
    }
    hits.forEach((hit) => {
      const n = nodeById.get(hit.id);
      const button = el(
        "button",
        { type: "button", "data-id": String(hit.id), onclick: () => selectNode(hit.id, true) },
        swatch(typeById.get(n.type)),
        el("span", { text: n.label }),
        hit.alias ? el("span", { className: "alias", text: `（${hit.alias}）` }) : null,
      );
      results.append(el("li", { role: "option" }, button));
    });
  }

  input.addEventListener("input", showResults);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = search(input.value, 1)[0];
      if (first) selectNode(first.id, true);
    } else if (ev.key === "Escape") {
      input.value = "";
      showResults();
    }
  });

  // ------------------------------------------------------------ highlight

  function neighbours(id) {
    const found = new Set([id]);
    outgoing.get(id).forEach((e) => predicateOn.get(e.predicate) && found.add(e.to));
    incoming.get(id).forEach((e) => predicateOn.get(e.predicate) && found.add(e.from));
    return found;
  }

  // A highlight veils the whole drawing and draws the kept nodes and edges
  // again on top, after vis-network has drawn each frame: the cost is the size
  // of the neighbourhood, not of the graph (restyling 5,000 nodes takes a second).
  function highlight(nodeIds, edgeIds) {
    state.keepNodes = new Set(nodeIds);
    state.keepEdges = edgeIds;
    state.veiled = true;
    network.redraw();
  }

  function clearHighlight() {
    if (!state.veiled) return;
    state.veiled = false;
    state.keepNodes = new Set();
    state.keepEdges = [];
    network.redraw();
  }

  network.on("afterDrawing", (ctx) => {
    if (!state.veiled) return;
    const a = network.DOMtoCanvas({ x: 0, y: 0 });
    const b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    ctx.save();
    ctx.fillStyle = "rgba(247, 248, 250, 0.88)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    const body = network.body;
    state.keepEdges.forEach((edgeId) => {
      const edge = body.edges[edgeId];
      if (edge && edge.connected) edge.draw(ctx);
    });
    const labels = [];
    state.keepNodes.forEach((nodeId) => {
      const node = body.nodes[nodeId];
      if (!node) return;
      const drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
    });
    labels.forEach((draw) => draw());
  });

  // ------------------------------------------------------------ detail panel

  const detail = document.getElementById("detail");
  const body = document.getElementById("detail-body");

  function nodeLink(id) {
    const n = nodeById.get(id);
    return el("button", { type: "button", className: "link", text: n.label, onclick: () => selectNode(id, true) });
  }

  /** A sentence with the given [start, end) spans marked. */
  function quote(sentenceIndex, spans) {
    const [text, doc] = data.sentences[sentenceIndex];
    const block = el("blockquote");
    let at = 0;
    spans
      .slice()
      .sort((a, b) => a[0] - b[0])
      .forEach(([start, end]) => {
        if (start < at || end > text.length) return;
        if (start > at) block.append(document.createTextNode(text.slice(at, start)));
        block.append(el("mark", { text: text.slice(start, end) }));
        at = end;
      });
    if (at < text.length) block.append(document.createTextNode(text.slice(at)));
    block.append(el("cite", { text: data.documents[doc] || "" }));
    return block;
  }

  function openPanel(...children) {
    body.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
    detail.hidden = false;
    detail.scrollTop = 0;
  }

  function showNode(id) {
    const n = nodeById.get(id);
    const t = typeById.get(n.type);
    const facts = el("dl");
    const fact = (name, value) => value && facts.append(el("dt", { text: name }), el("dd", { text: value }));
    fact("别名", n.aliases.join("、"));
    fact("行政区划代码", n.code);
    fact("所属", [n.province, n.city].filter(Boolean).join(" "));
    fact("提及次数", n.mentions ? String(n.mentions) : "");
    fact("IRI", n.iri);

    // Relations grouped by predicate and direction: "泉山区 实施 A、B、C", "D、E 位于 泉山区".
    const relations = el("ul", { className: "relations" });
    let relationCount = 0;
    const group = (list, outward) => {
      data.predicates.forEach((p) => {
        const found = list.filter((e) => e.predicate === p.id);
        if (!found.length) return;
        relationCount += found.length;
        const others = el("span", { className: "others" });
        found.slice(0, 80).forEach((e, i) => {
          if (i) others.append("、");
          others.append(nodeLink(outward ? e.to : e.from));
          if (e.position) others.append(el("span", { className: "pred", text: `（${e.position}）` }));
        });
        if (found.length > 80) others.append(el("span", { className: "more", text: ` 等 ${found.length} 个` }));
        const self = el("strong", { text: n.label });
        const verb = el("span", { className: "pred", text: p.label });
        relations.append(outward ? el("li", null, self, verb, others) : el("li", null, others, verb, self));
      });
    };
    group(outgoing.get(id), true);
    group(incoming.get(id), false);

    const sentences = n.sentences.map(([index, spans]) => quote(index, spans));
    const more = n.sentenceCount > n.sentences.length ? el("p", { className: "more", text: `共 ${n.sentenceCount} 句，只列出前 ${n.sentences.length} 句` }) : null;
    openPanel(
      el("h2", null, swatch(t), el("span", { className: "title", text: n.label })),
      el("p", { className: "kind", text: n.classLabel === t.label ? t.label : `${n.classLabel} · ${t.label}` }),
      facts,
      relationCount ? el("h3", { text: `关系（${relationCount}）` }) : null,
      relationCount ? relations : null,
      el("h3", { text: `提及的句子（${n.sentenceCount}）` }),
      ...sentences,
      more,
    );
  }

  function showEdge(id) {
    const e = edgeById.get(id);
    const p = predicateById.get(e.predicate);
    const facts = el("dl");
    if (e.position) facts.append(el("dt", { text: "职务" }), el("dd", { text: e.position }));
    const sources = e.sources.map(([index, spans]) => quote(index, spans));
    if (e.authority) sources.push(el("blockquote", { className: "authority", text: `权威数据：${e.authority}` }));
    openPanel(
      el("h2", null, el("span", { className: "title", text: p.label })),
      el("p", { className: "kind" }, nodeLink(e.from), el("span", { className: "pred", text: `${p.label} →` }), nodeLink(e.to)),
      facts,
      el("h3", { text: "出处" }),
      ...(sources.length ? sources : [el("p", { className: "more", text: "没有记录出处" })]),
    );
  }

  function selectNode(id, focus) {
    const n = nodeById.get(id);
    if (!n) return false;
    if (!typeOn.get(n.type)) setTypeVisible(n.type, true);
    network.selectNodes([id]);
    const edgeIds = [...outgoing.get(id), ...incoming.get(id)].filter((e) => predicateOn.get(e.predicate)).map((e) => e.id);
    highlight(neighbours(id), edgeIds);
    showNode(id);
    if (focus) {
      // Centre the node in the part of the canvas the detail panel leaves free.
      const offset = { x: -Math.min(detail.offsetWidth, container.clientWidth / 2) / 2, y: 0 };
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), offset, animation: ANIMATION });
    }
    return true;
  }

  function selectEdge(id) {
    if (!edgeById.has(id)) return false;
    const e = edgeById.get(id);
    network.selectEdges([id]);
    highlight([e.from, e.to], [id]);
    showEdge(id);
    return true;
  }

  function clearSelection() {
    network.unselectAll();
    clearHighlight();
    detail.hidden = true;
  }

  document.getElementById("detail-close").addEventListener("click", clearSelection);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && ev.target !== input) clearSelection();
  });

  network.on("click", (params) => {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (params.edges.length) selectEdge(params.edges[0]);
    else clearSelection();
  });

  window.kg = {
    data,
    nodes,
    edges,
    search,
    selectNode,
    selectEdge,
    clearSelection,
    setTypeVisible,
    setPredicateVisible,
    highlighted: () => (state.veiled ? [...state.keepNodes].sort((a, b) => a - b) : []),
    visibleNodeIds: () => nodeView.getIds(),
    visibleEdgeIds: () => edgeView.getIds(),
    get ready() {
      return state.ready;
    },
  };
})();
