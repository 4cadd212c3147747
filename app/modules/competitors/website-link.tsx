/** "https://www.acme.com/pricing" → "acme.com/pricing": what a reader recognises. */
export function displayWebsite(website: string) {
  return website.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
}

export function WebsiteLink({ website }: { website: string }) {
  if (!website) return <span className="text-zinc-400">—</span>;
  return (
    <a href={website} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-accent-600 hover:underline dark:text-accent-500">
      {displayWebsite(website)}
    </a>
  );
}
