// The one event type the stock feed sends, whatever keeps its events.
export const STOCK_EVENT = 'stockUpdate'
