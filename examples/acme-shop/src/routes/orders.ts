// /api/v2/orders: protected by the session middleware today.
export const ordersRoute = '/api/v2/orders';
