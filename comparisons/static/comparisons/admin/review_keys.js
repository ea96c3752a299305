// The review page's keys: "n" opens the next model in the queue, "r" moves the focus to
// "Mark the whole model reviewed" (Enter then submits it). Not while typing in a field.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  if (event.key === "n") {
    const next = document.getElementById("next-model");
    if (next) next.click();
  } else if (event.key === "r") {
    const review = document.querySelector(".review-all button");
    if (review) {
      event.preventDefault();
      review.focus();
    }
  }
});
