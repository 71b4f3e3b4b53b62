import type { LibrarySection, ResourceStatus } from "./resources";

/** The fields search and filters look at. */
export interface SearchableResource {
  section: LibrarySection;
  status: ResourceStatus;
  title: string;
  why: string;
  url: string;
  tags: readonly string[];
}

/**
 * Filters resources by section, status and tag, and by every word of `text` appearing in the
 * title, the reason, the address or the tags (case-insensitive), in any order.
 */
export function filterResources<T extends SearchableResource>(
  resources: readonly T[],
  filter: { text?: string; section?: LibrarySection; status?: ResourceStatus; tag?: string },
): T[] {
  const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const tag = filter.tag?.trim().toLowerCase();
  return resources.filter((resource) => {
    if (filter.section && resource.section !== filter.section) return false;
    if (filter.status && resource.status !== filter.status) return false;
    if (tag && !resource.tags.includes(tag)) return false;
    const haystack = [resource.title, resource.why, resource.url, ...resource.tags]
      .join(" ")
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
