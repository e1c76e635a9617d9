// GET /user_account: who the token acts for (a client identifies the connected user with it).
// With `ad_account_id` (Business Access) it answers for that ad account's owner, as Pinterest does.
import { requireAdAccount } from './access';
import type { Handler } from './context';
import { ApiError, authFailed, userAccountNotAuthorized } from './errors';

export const getUserAccount: Handler = (ctx) => {
  let userId = ctx.principal?.userId ?? '';
  if (typeof ctx.query.ad_account_id === 'string') {
    // The spec documents one failure here: 403 "Not authorized to access the user account." (its
    // example body). An ad account the caller cannot see, unknown or without a role, answers that.
    try {
      userId = requireAdAccount({ ...ctx, path: { ad_account_id: ctx.query.ad_account_id } }, 'read').ownerUserId;
    } catch (e) {
      if (e instanceof ApiError) throw userAccountNotAuthorized();
      throw e;
    }
  }
  const user = ctx.state.users[userId];
  if (!user) throw authFailed();
  return {
    status: 200,
    body: {
      account_type: user.account_type,
      id: user.id,
      username: user.username,
      business_name: user.business_name,
      profile_image: 'https://i.pinimg.com/600x600_R/simulator/profile.jpg',
      website_url: 'https://example.com',
      about: 'Local Pinterest API simulator user',
      board_count: 0,
      pin_count: 0,
      follower_count: 0,
      following_count: 0,
      monthly_views: 0,
    },
    mutated: false,
  };
};
