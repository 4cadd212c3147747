export function Logo({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="7" className="fill-accent-600" />
      <path d="M16 6l6 14-6-3-6 3z" fill="#fff" />
      <circle cx="16" cy="24" r="2" fill="#fff" />
    </svg>
  );
}
