import type { ComponentProps } from "react";
import Markdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Markdown someone typed or imported (an initiative's description, a Markdown transcript or a
 * Notion page), rendered for everyone else in the workspace. Three locks, each enough alone:
 * react-markdown never turns raw HTML into elements, its URL filter drops `javascript:` and other
 * unsafe protocols, and rehype-sanitize (GitHub's allow-list) strips whatever else could run.
 * Images become links: loading them would send readers' browsers to third-party hosts, which would
 * learn who read what and when (PRODUCT.md §6.5).
 */
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 text-sm leading-6 text-zinc-800 dark:text-zinc-200 [&_a]:text-accent-600 [&_a]:underline dark:[&_a]:text-accent-500 [&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-600 dark:[&_blockquote]:border-zinc-700 dark:[&_blockquote]:text-zinc-400 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:text-[0.85em] dark:[&_code]:bg-zinc-800 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-zinc-100 [&_pre]:p-3 dark:[&_pre]:bg-zinc-900 [&_table]:w-full [&_table]:text-left [&_td]:border-t [&_td]:border-zinc-200 [&_td]:py-1 [&_td]:pr-3 dark:[&_td]:border-zinc-800 [&_th]:py-1 [&_th]:pr-3 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize, rehypeImagesAsLinks]} skipHtml components={{ a: ExternalLink }}>
        {children}
      </Markdown>
    </div>
  );
}

function ExternalLink({ node: _node, ...props }: ComponentProps<"a"> & { node?: unknown }) {
  return <a {...props} rel="noopener noreferrer nofollow" target="_blank" />;
}

/**
 * Every image becomes a link to it, named by its alt text (or its address); an image that is
 * itself a link's content (a badge) becomes its alt text, since a link cannot hold another.
 * Runs after rehype-sanitize, so the address has passed its protocol allow-list, and before
 * react-markdown's URL filter, which checks the new link's href too.
 */
function rehypeImagesAsLinks() {
  return (tree: TreeNode) => replaceImages(tree, false);
}

// The few fields of a hast node (https://github.com/syntax-tree/hast) this plugin reads: the
// types package of the hast version react-markdown uses is not one of our dependencies.
type TreeNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: TreeNode[]; value?: string };

function replaceImages(node: TreeNode, insideLink: boolean) {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== "element") return child;
    if (child.tagName !== "img") {
      replaceImages(child, insideLink || child.tagName === "a");
      return child;
    }
    const src = typeof child.properties?.src === "string" ? child.properties.src : "";
    const alt = typeof child.properties?.alt === "string" ? child.properties.alt : "";
    const label: TreeNode = { type: "text", value: alt || src };
    if (insideLink || !src) return label;
    return { type: "element", tagName: "a", properties: { href: src }, children: [label] };
  });
}
