import { ApiError, currentToken, gql } from './graphql';
import { ViewerQuery } from './queries';

export interface ViewerView {
  label: string;
  organizationId: string;
  organization: string;
  organizationSlug: string;
  role: string;
}

/** Who the cookie's token belongs to (undefined when signed out or the token is no longer valid). */
export async function getViewer(): Promise<ViewerView | undefined> {
  if (!(await currentToken())) return undefined;
  try {
    return await viewerForToken();
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    return undefined;
  }
}

/** Asks the API who a token belongs to; throws ApiError when the token is refused. */
export async function viewerForToken(token?: string): Promise<ViewerView | undefined> {
  const data = await gql(ViewerQuery, {}, token === undefined ? {} : { token });
  const v = data.viewer;
  if (!v) return undefined;
  return {
    label: `${v.member.name} · ${v.organization.name} (${v.member.role})`,
    organizationId: v.organization.id,
    organization: v.organization.name,
    organizationSlug: v.organization.slug,
    role: String(v.member.role),
  };
}
