// Small progressive enhancement: hovering an actor in the graph brings its edges forward.
// The pages work without it; everything is drawn server-side as SVG.
"use strict";
document.querySelectorAll("svg.graph").forEach((svg) => {
  const edges = Array.from(svg.querySelectorAll("line.edge"));
  svg.querySelectorAll("a.node").forEach((node) => {
    const circle = node.querySelector("circle");
    const x = circle.getAttribute("cx"), y = circle.getAttribute("cy");
    const touches = (e) => (e.getAttribute("x1") === x && e.getAttribute("y1") === y) ||
      (e.getAttribute("x2") === x && e.getAttribute("y2") === y);
    node.addEventListener("mouseenter", () => {
      svg.classList.add("focus");
      edges.forEach((e) => e.classList.toggle("on", touches(e)));
    });
    node.addEventListener("mouseleave", () => svg.classList.remove("focus"));
  });
});
