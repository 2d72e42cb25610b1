// datasette-timeline on Datasette 0.65: show the table actions menu's Timeline link beside the
// table's heading too (Datasette 1.0 does this server-side through the top_table hook).
// The link is copied from the server-rendered menu; only its href and fixed text are used.

const menuLink = document.querySelector('.actions-menu-links a[href*="/-/timeline"]');
const heading = document.querySelector("h1");
if (menuLink && heading && !document.querySelector(".timeline-link")) {
  const paragraph = document.createElement("p");
  paragraph.className = "timeline-link";
  const link = document.createElement("a");
  link.href = menuLink.getAttribute("href");
  link.textContent = "Timeline of these rows";
  paragraph.appendChild(link);
  heading.insertAdjacentElement("afterend", paragraph);
}
