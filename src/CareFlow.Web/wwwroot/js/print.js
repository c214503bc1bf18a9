// Print buttons (data-print): the summary is meant to be handed to the client on paper. External file, so the CSP stays 'self'.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
