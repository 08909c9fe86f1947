import type { Me } from '../../api/types';

export type LegalReviewAccess = {
  /** REVIEW-4: the 法制审核 page, for reviewers and those who supervise them. */
  canOversee: boolean;
  /** REVIEW-4: approving extensions of the review period (经分管局领导批准). */
  canExtend: boolean;
  /** REVIEW-1: the catalog is public information, so any staff who read cases see it. */
  canViewCatalog: boolean;
  /** REVIEW-1: adding and withdrawing catalog entries. */
  canManageCatalog: boolean;
};

export const legalReviewAccessOf = (me: Pick<Me, 'permissions'>): LegalReviewAccess => ({
  // The server's permission table decides (GET /api/auth/me); a flag it leaves out means no.
  canOversee: me.permissions.canOverseeLegalReviews === true,
  canExtend: me.permissions.canExtendLegalReview === true,
  canViewCatalog: me.permissions.canReadCases,
  canManageCatalog: me.permissions.canManageMajorCatalog === true,
});
